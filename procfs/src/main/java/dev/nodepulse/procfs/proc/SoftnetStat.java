package dev.nodepulse.procfs.proc;

/**
 * One line (one CPU) of /proc/net/softnet_stat. Counters are the kernel's 32-bit values. Columns an older
 * kernel does not print are 0; {@code columns} says how many there were. {@code cpu} is the CPU index the
 * kernel prints (5.14+) or, before that, the line number.
 */
public record SoftnetStat(long processed, long dropped, long timeSqueezed, long cpuCollision, long receivedRps,
                          long flowLimitCount, long backlogLen, long cpu, int columns) {}
