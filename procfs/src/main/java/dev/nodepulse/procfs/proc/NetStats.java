package dev.nodepulse.procfs.proc;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Protocol counters of /proc/net/netstat, /proc/net/snmp or /proc/net/snmp6: protocol ("TcpExt", "Ip6")
 * to counter name ("ListenDrops") to value, in file order.
 */
public record NetStats(Map<String, Map<String, Double>> protocols) {

    public NetStats {
        Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
        protocols.forEach((k, v) -> copy.put(k, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        protocols = java.util.Collections.unmodifiableMap(copy);
    }

    public static final NetStats EMPTY = new NetStats(Map.of());

    /**
     * These statistics with {@code other}'s protocols added; a protocol present in both takes {@code other}'s
     * counters as a whole (node_exporter merges the three files this way; their protocols do not overlap).
     */
    public NetStats merge(NetStats other) {
        Map<String, Map<String, Double>> m = new LinkedHashMap<>(protocols);
        m.putAll(other.protocols);
        return new NetStats(m);
    }
}
