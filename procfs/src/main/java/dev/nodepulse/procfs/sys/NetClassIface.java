package dev.nodepulse.procfs.sys;

/**
 * The attributes of one /sys/class/net/&lt;iface&gt; directory that node_exporter publishes. A numeric
 * attribute is null when the file is absent or the kernel refused the read (virtual devices answer EINVAL
 * for carrier, speed and duplex while down); a text attribute is then "".
 */
public record NetClassIface(String name,
                            Long addrAssignType, String address, String broadcast, Long carrier,
                            Long carrierChanges, Long carrierUpCount, Long carrierDownCount, Long devId,
                            Long dormant, String duplex, Long flags, String ifAlias, Long ifIndex, Long ifLink,
                            Long linkMode, Long mtu, Long nameAssignType, Long netDevGroup, String operState,
                            Long speed, Long txQueueLen, Long type) {
}
