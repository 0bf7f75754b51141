package dev.nodepulse.procfs.sys.bcache;

/** A backing device's writeback_rate_debug: rates in bytes/s, sizes in bytes, the controller terms signed. */
public record WritebackRateDebug(long rate, long dirty, long target, long proportional, long integral, long change,
                                 long nextIoMs) {}
