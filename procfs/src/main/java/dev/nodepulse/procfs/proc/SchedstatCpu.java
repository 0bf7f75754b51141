package dev.nodepulse.procfs.proc;

/**
 * One "cpuN" line of /proc/schedstat: time spent running and waiting to run (ns, as unsigned 64-bit counters
 * converted to double) and the number of timeslices run. {@code cpu} is "N".
 */
public record SchedstatCpu(String cpu, double runningNanoseconds, double waitingNanoseconds, double timeslices) {}
