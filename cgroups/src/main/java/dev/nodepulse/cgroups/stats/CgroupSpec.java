package dev.nodepulse.cgroups.stats;

/**
 * The limits of one cgroup, what cAdvisor calls the container spec. Memory values are bytes with
 * {@link #UNLIMITED} for "max"; the CPU quota is µs with -1 for none. Shares are v1 cpu.shares or, on v2,
 * cpu.weight converted back to shares with cAdvisor's formula.
 *
 * @param creationTimeMillis the earliest mtime of the cgroup's directories (and of a file the kernel does not
 *                           touch later), never before boot; 0 when unknown
 */
public record CgroupSpec(boolean hasCpu, long cpuShares, long cpuPeriodMicros, long cpuQuotaMicros,
                         boolean hasMemory, long memoryLimit, long swapLimit, long memoryReservation,
                         boolean hasPids, long pidsLimit, long creationTimeMillis) {

    public static final long UNLIMITED = Long.MAX_VALUE;

    public boolean hasQuota() {
        return hasCpu && cpuQuotaMicros > 0;
    }
}
