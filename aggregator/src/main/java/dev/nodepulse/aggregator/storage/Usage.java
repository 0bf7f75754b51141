package dev.nodepulse.aggregator.storage;

/**
 * metrics-server's resourceUsage: CPU as the counter's increase over the time between two points, memory as the
 * last working set, stamped with the last point's time and the interval as the window.
 */
record Usage(long timestampNanos, long windowNanos, long cpuNanoCores, long memoryBytes) {

    /** The usage, or null when the start time went backwards or the counter decreased. */
    static Usage between(MetricsPoint last, MetricsPoint prev) {
        if (error(last, prev) != null) {
            return null;
        }
        long window = last.timestampNanos() - prev.timestampNanos();
        double cpu = unsignedToDouble(last.cumulativeCpuNanos() - prev.cumulativeCpuNanos()) / goSeconds(window);
        return new Usage(last.timestampNanos(), window, goFloatToUint64(cpu), last.memoryBytes());
    }

    static String error(MetricsPoint last, MetricsPoint prev) {
        if (last.startTimeNanos() < prev.startTimeNanos()) {
            return "unexpected decrease in startTime of node/container";
        }
        if (Long.compareUnsigned(last.cumulativeCpuNanos(), prev.cumulativeCpuNanos()) < 0) {
            return "unexpected decrease in cumulative CPU usage value";
        }
        return null;
    }

    /** Go's time.Duration.Seconds(): whole seconds plus the fraction, each converted on its own. */
    static double goSeconds(long nanos) {
        long sec = nanos / 1_000_000_000L;
        long nsec = nanos % 1_000_000_000L;
        return (double) sec + (double) nsec / 1e9;
    }

    static double unsignedToDouble(long v) {
        return v >= 0 ? (double) v : (double) (v >>> 1) * 2.0 + (v & 1);
    }

    /** uint64(f) for the values a rate can take: negative and NaN read as 0, too large saturates. */
    static long goFloatToUint64(double f) {
        if (!(f > 0)) {
            return 0;
        }
        if (f >= 18446744073709551615.0) {
            return -1L;
        }
        if (f < 9.223372036854775807E18) {
            return (long) f;
        }
        return (long) (f / 2) << 1;
    }
}
