package dev.nodepulse.cgroups.snapshot;

/**
 * What one walk reads beyond the per-scrape counters.
 *
 * @param slowData       re-read what changes rarely or is costly: limits (spec), open fds/sockets (one readlink
 *                       per fd), open-files limits. Walks without it reuse the values of the last walk that had it.
 * @param perCpu         read v1 per-CPU usage (the kubelet does not export it)
 * @param readlinkBudget most fds to readlink for socket counting in one walk
 */
public record ReadOptions(boolean slowData, boolean perCpu, long readlinkBudget) {

    public static final long DEFAULT_READLINK_BUDGET = 100_000;

    public static ReadOptions scrape() {
        return new ReadOptions(false, false, DEFAULT_READLINK_BUDGET);
    }

    public static ReadOptions housekeeping() {
        return new ReadOptions(true, false, DEFAULT_READLINK_BUDGET);
    }
}
