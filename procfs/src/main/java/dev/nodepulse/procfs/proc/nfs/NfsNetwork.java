package dev.nodepulse.procfs.proc.nfs;

/** The "net" line of /proc/net/rpc/nfs and nfsd: packets in total, over UDP, over TCP, and TCP connections. */
public record NfsNetwork(long netCount, long udpCount, long tcpCount, long tcpConnect) {}
