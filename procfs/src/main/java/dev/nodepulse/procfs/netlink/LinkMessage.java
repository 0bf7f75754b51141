package dev.nodepulse.procfs.netlink;

import java.util.List;

/**
 * One RTM_NEWLINK message: the ifinfomsg header and the attributes node_exporter reads. Optional
 * attributes the kernel did not send are null. {@code address} and {@code broadcast} are formatted as
 * Go's net.HardwareAddr prints them (lower-case hex pairs joined by ':'), "" when absent.
 *
 * @param arphrdType ifi_type, the ARPHRD_* link type
 * @param mtu        IFLA_MTU, 0 when absent
 * @param link       IFLA_LINK, 0 when absent (the kernel leaves it out when it equals the index)
 * @param operState  IFLA_OPERSTATE (RFC 2863 IF_OPER_*), 0 (unknown) when absent
 */
public record LinkMessage(int index, int arphrdType, long flags, String name, String address, String broadcast,
                          long mtu, long link, Long txQueueLen, int operState, Long linkMode, Long netDevGroup,
                          Long carrier, Long carrierChanges, Long carrierUpCount, Long carrierDownCount,
                          String alias, List<String> altNames, LinkStats stats) {

    public LinkMessage {
        altNames = List.copyOf(altNames);
    }
}
