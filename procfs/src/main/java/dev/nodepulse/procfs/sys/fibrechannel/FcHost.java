package dev.nodepulse.procfs.sys.fibrechannel;

/**
 * /sys/class/fc_host/&lt;host&gt;. Text attributes are null when the driver does not expose them; the WWN-like
 * ones (node_name, port_id, port_name, fabric_name) lose their "0x" prefix. Counters are null when absent,
 * otherwise unsigned 64-bit values held in longs (all ones means "not supported by the driver").
 */
public record FcHost(String name, String speed, String portState, String portType, String nodeName, String portId,
                     String portName, String fabricName, String devLossTmo, String symbolicName,
                     String supportedClasses, String supportedSpeeds, Counters counters) {

    public record Counters(Long dumpedFrames, Long errorFrames, Long invalidCrcCount, Long rxFrames, Long rxWords,
                           Long txFrames, Long txWords, Long secondsSinceLastReset, Long invalidTxWordCount,
                           Long linkFailureCount, Long lossOfSyncCount, Long lossOfSignalCount, Long nosCount,
                           Long fcpPacketAborts) {}
}
