package dev.nodepulse.kubelet.resource;

import java.util.List;

/** One pod's own usage (its cgroup, so sandbox and overhead included) and its containers'. */
public record PodResources(String namespace, String name, Measurement cpuSeconds, Measurement workingSetBytes,
        Measurement swapUsageBytes, List<ContainerResources> containers) {}
