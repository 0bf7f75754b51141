package dev.nodepulse.aggregator.storage;

/**
 * A node's servable usage: CPU in nanocores averaged over {@code windowNanos} ending at {@code timestampNanos},
 * and the working set in bytes at that time.
 */
public record NodeUsage(String name, long timestampNanos, long windowNanos, long cpuNanoCores, long memoryBytes) {}
