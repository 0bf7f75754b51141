package dev.nodepulse.cgroups.stats;

/**
 * Processes of one cgroup. {@code processes} counts the cgroup's own PIDs (cgroup.procs, not descendants),
 * {@code threads}/{@code threadsMax} come from the pids controller (threadsMax 0 = unlimited).
 * Values unknown to the host or not measured are {@link #ABSENT}.
 *
 * @param firstPid the lowest PID in cgroup.procs (the container's init in practice), 0 when empty
 * @param maxOpenFiles soft "Max open files" of {@code firstPid}, -1 for unlimited, ABSENT when unknown
 */
public record ProcessStats(long processes, long threads, long threadsMax, long fds, long sockets,
                           int firstPid, long maxOpenFiles) {

    public static final long ABSENT = Long.MIN_VALUE;

    public static ProcessStats none() {
        return new ProcessStats(0, ABSENT, ABSENT, ABSENT, ABSENT, 0, ABSENT);
    }
}
