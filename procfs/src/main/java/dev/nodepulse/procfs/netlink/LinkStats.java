package dev.nodepulse.procfs.netlink;

/**
 * struct rtnl_link_stats64 (include/uapi/linux/if_link.h), unsigned 64-bit counters in Java longs.
 * {@code rxNohandler} is 0 before Linux 4.6 and {@code rxOtherhostDropped} before 5.19, when the kernel
 * sends the shorter struct; so are both when only the 32-bit IFLA_STATS was sent.
 */
public record LinkStats(long rxPackets, long txPackets, long rxBytes, long txBytes, long rxErrors, long txErrors,
                        long rxDropped, long txDropped, long multicast, long collisions,
                        long rxLengthErrors, long rxOverErrors, long rxCrcErrors, long rxFrameErrors,
                        long rxFifoErrors, long rxMissedErrors,
                        long txAbortedErrors, long txCarrierErrors, long txFifoErrors, long txHeartbeatErrors,
                        long txWindowErrors,
                        long rxCompressed, long txCompressed, long rxNohandler, long rxOtherhostDropped) {
}
