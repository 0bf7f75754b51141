package dev.nodepulse.procfs.proc;

/**
 * One "cpu"/"cpuN" line of /proc/stat, converted from USER_HZ ticks to seconds. {@code cpu} is -1 for
 * the aggregate line. Columns a kernel does not print (old kernels stop after steal) are 0.
 */
public record CpuTimes(int cpu, double user, double nice, double system, double idle, double iowait,
                       double irq, double softirq, double steal, double guest, double guestNice) {}
