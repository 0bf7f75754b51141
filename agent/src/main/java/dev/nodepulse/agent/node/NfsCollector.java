package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.agent.collector.NoDataException;
import dev.nodepulse.metrics.Family;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.Numbers;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.proc.nfs.NfsClientStats;
import dev.nodepulse.procfs.proc.nfs.NfsClientStatsParser;
import dev.nodepulse.procfs.proc.nfs.NfsProcedure;
import java.nio.file.NoSuchFileException;
import java.util.List;

/** NFS client RPC statistics from /proc/net/rpc/nfs; every procedure of NFSv2, v3 and v4 is published. */
public final class NfsCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("nfs", true, ctx -> new NfsCollector(ctx.paths()));

    private final HostPaths paths;

    public NfsCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        String text;
        try {
            text = SmallFiles.read(paths.proc("net", "rpc", "nfs"));
        } catch (NoSuchFileException e) {
            throw new NoDataException("/proc/net/rpc/nfs does not exist");
        }
        NfsClientStats s = NfsClientStatsParser.parse(text);
        Family packets = sink.counter("node_nfs_packets_total",
                "Total NFSd network packets (sent+received) by protocol type.", "protocol");
        packets.add(u(s.network().udpCount()), "udp");
        packets.add(u(s.network().tcpCount()), "tcp");
        sink.counter("node_nfs_connections_total", "Total number of NFSd TCP connections.")
                .add(u(s.network().tcpConnect()));
        sink.counter("node_nfs_rpcs_total", "Total number of RPCs performed.").add(u(s.rpcCount()));
        sink.counter("node_nfs_rpc_retransmissions_total", "Number of RPC transmissions performed.")
                .add(u(s.retransmissions()));
        sink.counter("node_nfs_rpc_authentication_refreshes_total", "Number of RPC authentication refreshes performed.")
                .add(u(s.authRefreshes()));
        Family requests = sink.counter("node_nfs_requests_total", "Number of NFS procedures invoked.", "proto", "method");
        add(requests, "2", s.v2());
        add(requests, "3", s.v3());
        add(requests, "4", s.v4());
    }

    private static void add(Family requests, String proto, List<NfsProcedure> procedures) {
        for (NfsProcedure p : procedures) {
            requests.add(u(p.count()), proto, p.name());
        }
    }

    private static double u(long v) {
        return Numbers.unsignedToDouble(v);
    }
}
