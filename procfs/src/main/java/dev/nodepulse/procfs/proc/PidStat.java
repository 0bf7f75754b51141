package dev.nodepulse.procfs.proc;

/**
 * The fields of /proc/[pid]/stat that anything here uses. Times are in USER_HZ ticks as the kernel
 * prints them; {@code startTicks} counts from boot. {@code rssPages} is in pages.
 */
public record PidStat(int pid, String comm, char state, int ppid, long utimeTicks, long stimeTicks,
                      int numThreads, long startTicks, long vsizeBytes, long rssPages) {}
