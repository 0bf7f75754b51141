package dev.nodepulse.procfs.proc;

/** The three load averages of /proc/loadavg. */
public record Loadavg(double load1, double load5, double load15) {}
