package dev.nodepulse.cgroups.stats;

import java.util.List;

/**
 * CPU accounting of one cgroup, in nanoseconds whatever unit the kernel file uses (v1 cpuacct.usage is ns,
 * cpuacct.stat is USER_HZ ticks; v2 cpu.stat is µs).
 *
 * @param perCpuNanos v1 cpuacct.usage_percpu when it was asked for; empty otherwise and always on v2
 * @param hasCfs whether cpu.stat was read (only cgroups with a CPU quota need the throttling counters)
 */
public record CpuStats(long usageNanos, long userNanos, long systemNanos, List<Long> perCpuNanos,
                       boolean hasCfs, long periods, long throttledPeriods, long throttledNanos,
                       long burstPeriods, long burstNanos) {

    public CpuStats {
        perCpuNanos = List.copyOf(perCpuNanos);
    }
}
