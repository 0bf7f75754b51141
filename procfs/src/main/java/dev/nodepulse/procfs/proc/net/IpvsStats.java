package dev.nodepulse.procfs.proc.net;

/** The totals line of /proc/net/ip_vs_stats; unsigned 64-bit values held in longs. */
public record IpvsStats(long connections, long incomingPackets, long outgoingPackets, long incomingBytes,
                        long outgoingBytes) {}
