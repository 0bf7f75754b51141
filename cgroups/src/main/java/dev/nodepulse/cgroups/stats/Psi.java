package dev.nodepulse.cgroups.stats;

/** The cumulative stall totals of one v2 *.pressure file, in microseconds; "some" and "full" lines. */
public record Psi(long someTotalMicros, long fullTotalMicros) {}
