package dev.nodepulse.procfs.netlink;

/**
 * One queueing discipline and its counters (RTM_GETQDISC). {@code parent} is 0 for a root qdisc (the
 * kernel's TC_H_ROOT, 0xffffffff, is folded to 0 as the qdisc library does). Counters are unsigned and
 * kept in a long.
 */
public record QdiscStats(String device, long handle, long parent, String kind, long bytes, long packets,
                         long drops, long requeues, long overlimits, long queueLength, long backlog) {}
