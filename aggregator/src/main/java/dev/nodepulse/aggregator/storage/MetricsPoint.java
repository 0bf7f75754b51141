package dev.nodepulse.aggregator.storage;

/**
 * One measurement of a node or container, as metrics-server keeps it: when the object started (0 = unknown),
 * when the point was measured, the cumulative CPU time since the start in nanosecond-cores (an unsigned 64-bit
 * count) and the working set in bytes (unsigned). All times in nanoseconds since the epoch.
 */
public record MetricsPoint(long startTimeNanos, long timestampNanos, long cumulativeCpuNanos, long memoryBytes) {

    public static final MetricsPoint EMPTY = new MetricsPoint(0, 0, 0, 0);

    public boolean isEmpty() {
        return equals(EMPTY);
    }

    public MetricsPoint withCpu(long cpu, long timestamp) {
        return new MetricsPoint(startTimeNanos, timestamp, cpu, memoryBytes);
    }

    public MetricsPoint withMemory(long memory, long timestamp) {
        return new MetricsPoint(startTimeNanos, timestamp, cumulativeCpuNanos, memory);
    }

    public MetricsPoint withStartTime(long start) {
        return new MetricsPoint(start, timestampNanos, cumulativeCpuNanos, memoryBytes);
    }
}
