package dev.nodepulse.procfs.proc.net;

/**
 * Totals over the sockets of /proc/net/udp or /proc/net/udp6: bytes queued for sending and receiving
 * (the hex tx_queue:rx_queue column), the number of sockets and their summed drop counters. Values are
 * unsigned 64-bit sums held in longs.
 */
public record UdpQueues(long txQueueBytes, long rxQueueBytes, long sockets, long drops) {}
