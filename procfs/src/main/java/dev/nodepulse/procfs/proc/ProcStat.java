package dev.nodepulse.procfs.proc;

import java.util.List;

/**
 * /proc/stat. Counters the file lacks are -1 (they are all present on any kernel since 2.6, but a
 * truncated file must not masquerade as zeros). {@code softirqs} holds the per-vector counts of the
 * softirq line in kernel order (hi, timer, net_tx, net_rx, block, block_iopoll, tasklet, sched, hrtimer,
 * rcu), or is empty.
 */
public record ProcStat(CpuTimes total, List<CpuTimes> cpus, double interrupts, double contextSwitches,
                       double bootTime, double processesCreated, double processesRunning,
                       double processesBlocked, double softirqTotal, List<Double> softirqs) {}
