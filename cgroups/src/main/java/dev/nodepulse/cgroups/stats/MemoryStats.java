package dev.nodepulse.cgroups.stats;

/**
 * Memory accounting of one cgroup, in bytes (counts for the fault and event counters).
 *
 * <p>{@code workingSet} is computed as the kubelet does: usage minus inactive file pages (v1
 * {@code total_inactive_file}, v2 {@code inactive_file}), floored at 0, usage itself when the key is absent.
 * Values the host does not offer are {@link #ABSENT}: v1 has no memory.events high/max, v2 no failcnt
 * or kernel usage, and the OOM kill count needs a kernel of 4.13 or later.
 */
public record MemoryStats(long usage, long maxUsage, long workingSet, long rss, long cache, long swap,
                          long mappedFile, long kernelUsage, long failcnt, long activeFile, long inactiveFile,
                          long pgfault, long pgmajfault, long oomKills, long eventsHigh, long eventsMax) {

    public static final long ABSENT = -1;

    public boolean has(long value) {
        return value != ABSENT;
    }
}
