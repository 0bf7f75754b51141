package dev.nodepulse.cgroups.stats;

/**
 * One v2 *.pressure file: the cumulative stall totals of its "some" and "full" lines in microseconds, and their
 * 10 s, 60 s and 300 s averages in percent. A file without a "full" line (cpu.pressure before Linux 5.13) reads
 * as zeros there, as runc reads it.
 */
public record Psi(long someTotalMicros, long fullTotalMicros, double someAvg10, double someAvg60, double someAvg300,
                  double fullAvg10, double fullAvg60, double fullAvg300) {

    /** Totals only, averages 0. */
    public Psi(long someTotalMicros, long fullTotalMicros) {
        this(someTotalMicros, fullTotalMicros, 0, 0, 0, 0, 0, 0);
    }
}
