package dev.nodepulse.cgroups.stats;

/** One interface line of /proc/[pid]/net/dev. */
public record InterfaceStats(String name, long rxBytes, long rxPackets, long rxErrors, long rxDropped,
                             long txBytes, long txPackets, long txErrors, long txDropped) {}
