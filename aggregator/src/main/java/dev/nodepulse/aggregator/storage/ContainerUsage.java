package dev.nodepulse.aggregator.storage;

/** One container's CPU (nanocores over its window) and working set (bytes). */
public record ContainerUsage(String name, long cpuNanoCores, long memoryBytes) {}
