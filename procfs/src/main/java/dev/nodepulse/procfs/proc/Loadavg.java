package dev.nodepulse.procfs.proc;

/**
 * /proc/loadavg: the three load averages, and the "runnable/total" scheduling entity counts of the fourth field
 * ({@link #ABSENT} when a kernel or fixture leaves that field out). {@code tasks} is what the kubelet reports as
 * the node's current process count (rlimit {@code curproc}).
 */
public record Loadavg(double load1, double load5, double load15, long runnable, long tasks) {

    public static final long ABSENT = -1;

    public Loadavg(double load1, double load5, double load15) {
        this(load1, load5, load15, ABSENT, ABSENT);
    }
}
