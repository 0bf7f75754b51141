package dev.nodepulse.kubelet.stats;

import java.time.Instant;

/**
 * CPU usage at {@code time}: {@code usageNanoCores} is a rate in billionths of a core over the last sampling
 * interval, {@code usageCoreNanoSeconds} the cumulative CPU time in nanoseconds. Both unsigned.
 */
public record CpuStats(Instant time, Long usageNanoCores, Long usageCoreNanoSeconds, PsiStats psi) {}
