package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.metrics.Family;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.netlink.NetlinkMessageParser.InetDiagSocket;
import dev.nodepulse.procfs.netlink.Rtnetlink;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TCP sockets by state, and their summed queues, from a sock_diag dump (as node_exporter asks the kernel):
 * node_tcp_connection_states{state}. IPv6 sockets are added when the host has IPv6 (/proc/net/tcp6).
 */
public final class TcpstatCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("tcpstat", false, ctx -> new TcpstatCollector(ctx.paths()));

    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;

    /** include/net/tcp_states.h, 1-based; 12 and 13 are node_exporter's buckets for the queue sums. */
    private static final List<String> STATES = List.of("established", "syn_sent", "syn_recv", "fin_wait1",
            "fin_wait2", "time_wait", "close", "close_wait", "last_ack", "listen", "closing");
    private static final int RX_QUEUED = 12;
    private static final int TX_QUEUED = 13;

    private final HostPaths paths;

    public TcpstatCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        Rtnetlink netlink = new Rtnetlink(QdiscCollector.NETLINK_TIMEOUT_MILLIS);
        Map<Integer, Double> stats = new LinkedHashMap<>();
        try {
            add(stats, netlink.tcpSockets(AF_INET));
        } catch (IOException e) {
            throw new IOException("couldn't get tcpstats: " + e.getMessage(), e);
        }
        if (Files.exists(paths.proc("net", "tcp6"))) {
            try {
                add(stats, netlink.tcpSockets(AF_INET6));
            } catch (IOException e) {
                throw new IOException("couldn't get tcp6stats: " + e.getMessage(), e);
            }
        }
        Family f = sink.gauge("node_tcp_connection_states", "Number of connection states.", "state");
        stats.forEach((state, v) -> f.add(v, name(state)));
    }

    static void add(Map<Integer, Double> stats, List<InetDiagSocket> sockets) {
        for (InetDiagSocket s : sockets) {
            stats.merge(TX_QUEUED, (double) s.sendQueue(), Double::sum);
            stats.merge(RX_QUEUED, (double) s.receiveQueue(), Double::sum);
            stats.merge(s.state(), 1.0, Double::sum);
        }
    }

    static String name(int state) {
        if (state >= 1 && state <= STATES.size()) {
            return STATES.get(state - 1);
        }
        return switch (state) {
            case RX_QUEUED -> "rx_queued_bytes";
            case TX_QUEUED -> "tx_queued_bytes";
            default -> "unknown";
        };
    }
}
