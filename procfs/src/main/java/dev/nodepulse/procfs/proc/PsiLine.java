package dev.nodepulse.procfs.proc;

/** One "some" or "full" line of a /proc/pressure file: averages in percent, total stall time in µs. */
public record PsiLine(double avg10, double avg60, double avg300, long totalMicroseconds) {}
