package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.agent.collector.NoDataException;
import dev.nodepulse.metrics.Family;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.Numbers;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.proc.nfs.NfsProcedure;
import dev.nodepulse.procfs.proc.nfs.NfsServerStats;
import dev.nodepulse.procfs.proc.nfs.NfsServerStatsParser;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Set;

/**
 * NFS server statistics from /proc/net/rpc/nfsd. Like node_exporter it leaves out the NULL procedures and,
 * of the NFSv4 operations, the reserved slots 0-2 and PUTPUBFH/PUTROOTFH.
 */
public final class NfsdCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("nfsd", true, ctx -> new NfsdCollector(ctx.paths()));

    private static final Set<String> NOT_PUBLISHED = Set.of("Null", "Op0Unused", "Op1Unused", "Op2Future",
            "PutPubFH", "PutRootFH");

    private final HostPaths paths;

    public NfsdCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        String text;
        try {
            text = SmallFiles.read(paths.proc("net", "rpc", "nfsd"));
        } catch (NoSuchFileException e) {
            throw new NoDataException("/proc/net/rpc/nfsd does not exist");
        }
        NfsServerStats s = NfsServerStatsParser.parse(text);
        sink.counter("node_nfsd_reply_cache_hits_total",
                "Total number of NFSd Reply Cache hits (client lost server response).").add(u(s.replyCacheHits()));
        sink.counter("node_nfsd_reply_cache_misses_total",
                "Total number of NFSd Reply Cache an operation that requires caching (idempotent).")
                .add(u(s.replyCacheMisses()));
        sink.counter("node_nfsd_reply_cache_nocache_total",
                "Total number of NFSd Reply Cache non-idempotent operations (rename/delete/\u2026).")
                .add(u(s.replyCacheNoCache()));
        sink.counter("node_nfsd_file_handles_stale_total", "Total number of NFSd stale file handles")
                .add(u(s.fileHandlesStale()));
        sink.counter("node_nfsd_disk_bytes_read_total", "Total NFSd bytes read.").add(u(s.bytesRead()));
        sink.counter("node_nfsd_disk_bytes_written_total", "Total NFSd bytes written.").add(u(s.bytesWritten()));
        sink.gauge("node_nfsd_server_threads", "Total number of NFSd kernel threads that are running.")
                .add(u(s.threads()));
        sink.gauge("node_nfsd_read_ahead_cache_size_blocks", "How large the read ahead cache is in blocks.")
                .add(u(s.readAheadCacheSize()));
        sink.counter("node_nfsd_read_ahead_cache_not_found_total", "Total number of NFSd read ahead cache not found.")
                .add(u(s.readAheadCacheNotFound()));
        Family packets = sink.counter("node_nfsd_packets_total",
                "Total NFSd network packets (sent+received) by protocol type.", "proto");
        packets.add(u(s.network().udpCount()), "udp");
        packets.add(u(s.network().tcpCount()), "tcp");
        sink.counter("node_nfsd_connections_total", "Total number of NFSd TCP connections.")
                .add(u(s.network().tcpConnect()));
        Family errors = sink.counter("node_nfsd_rpc_errors_total", "Total number of NFSd RPC errors by error type.",
                "error");
        errors.add(u(s.rpcBadFormat()), "fmt");
        errors.add(u(s.rpcBadAuth()), "auth");
        errors.add(u(s.rpcBadClient()), "cInt");
        sink.counter("node_nfsd_server_rpcs_total", "Total number of NFSd RPCs.").add(u(s.rpcCount()));
        Family requests = sink.counter("node_nfsd_requests_total", "Total number NFSd Requests by method and protocol.",
                "proto", "method");
        add(requests, "2", s.v2());
        add(requests, "3", s.v3());
        add(requests, "4", s.v4Operations());
        requests.add(u(s.wdelegGetattr()), "4", "WdelegGetattr");
    }

    private static void add(Family requests, String proto, List<NfsProcedure> procedures) {
        for (NfsProcedure p : procedures) {
            if (!NOT_PUBLISHED.contains(p.name())) {
                requests.add(u(p.count()), proto, p.name());
            }
        }
    }

    private static double u(long v) {
        return Numbers.unsignedToDouble(v);
    }
}
