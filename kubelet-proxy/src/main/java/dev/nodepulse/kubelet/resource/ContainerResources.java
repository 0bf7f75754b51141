package dev.nodepulse.kubelet.resource;

import java.time.Instant;

/**
 * One container's usage. {@code startTime} is its creation time (null when unknown); {@code swapLimitBytes}
 * is present only when the container's swap limit is finite.
 */
public record ContainerResources(String name, Instant startTime, Measurement cpuSeconds, Measurement workingSetBytes,
        Measurement swapUsageBytes, Measurement swapLimitBytes) {}
