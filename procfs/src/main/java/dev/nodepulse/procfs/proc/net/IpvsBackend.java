package dev.nodepulse.procfs.proc.net;

/**
 * One real server of /proc/net/ip_vs under its virtual service. {@code localAddress} is empty for
 * firewall-mark services (which have {@code localMark} instead); addresses are in Go's net.IP text form.
 * Weight and connection counts are unsigned 64-bit values held in longs.
 */
public record IpvsBackend(String proto, String localAddress, int localPort, String localMark,
                          String remoteAddress, int remotePort, long weight, long activeConnections,
                          long inactiveConnections) {}
