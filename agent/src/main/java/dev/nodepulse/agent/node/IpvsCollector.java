package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.agent.collector.NoDataException;
import dev.nodepulse.cli.Flag;
import dev.nodepulse.metrics.Family;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.Numbers;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.proc.net.IpvsBackend;
import dev.nodepulse.procfs.proc.net.IpvsBackendParser;
import dev.nodepulse.procfs.proc.net.IpvsStats;
import dev.nodepulse.procfs.proc.net.IpvsStatsParser;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * IPVS totals from /proc/net/ip_vs_stats and per-backend connections and weights from /proc/net/ip_vs.
 * --collector.ipvs.backend-labels picks the backend labels; backends that become indistinguishable under
 * the chosen labels are summed.
 */
public final class IpvsCollector implements Collector {

    static final List<String> ALL_LABELS = List.of("local_address", "local_port", "remote_address", "remote_port",
            "proto", "local_mark");

    public static final CollectorSpec SPEC = CollectorSpec.of("ipvs", true,
            ctx -> new IpvsCollector(ctx.paths(), backendLabels(ctx.string("backend-labels"))),
            Flag.string("collector.ipvs.backend-labels", String.join(",", ALL_LABELS),
                    "Comma separated list for IPVS backend stats labels."));

    private final HostPaths paths;
    private final List<String> labels;

    public IpvsCollector(HostPaths paths, List<String> labels) {
        this.paths = paths;
        this.labels = List.copyOf(labels);
    }

    /** The chosen labels in their canonical order; unknown names are an error, as in node_exporter. */
    static List<String> backendLabels(String flag) {
        Set<String> given = new LinkedHashSet<>();
        for (String l : flag.split(",", -1)) {
            if (!l.isEmpty()) {
                given.add(l);
            }
        }
        List<String> out = new ArrayList<>();
        for (String l : ALL_LABELS) {
            if (given.remove(l)) {
                out.add(l);
            }
        }
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("unknown IPVS backend labels: \"" + String.join(", ", new TreeSet<>(given))
                    + "\"");
        }
        return out;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        String statsText;
        try {
            statsText = SmallFiles.read(paths.proc("net", "ip_vs_stats"));
        } catch (NoSuchFileException e) {
            throw new NoDataException("ipvs is not available on this system");
        }
        IpvsStats s = IpvsStatsParser.parse(statsText);
        sink.counter("node_ipvs_connections_total", "The total number of connections made.").add(u(s.connections()));
        sink.counter("node_ipvs_incoming_packets_total", "The total number of incoming packets.")
                .add(u(s.incomingPackets()));
        sink.counter("node_ipvs_outgoing_packets_total", "The total number of outgoing packets.")
                .add(u(s.outgoingPackets()));
        sink.counter("node_ipvs_incoming_bytes_total", "The total amount of incoming data.").add(u(s.incomingBytes()));
        sink.counter("node_ipvs_outgoing_bytes_total", "The total amount of outgoing data.").add(u(s.outgoingBytes()));

        List<IpvsBackend> backends = IpvsBackendParser.parse(SmallFiles.read(paths.proc("net", "ip_vs")));
        Map<List<String>, long[]> sums = new LinkedHashMap<>();
        for (IpvsBackend b : backends) {
            List<String> key = new ArrayList<>(labels.size());
            for (String l : labels) {
                key.add(labelValue(b, l));
            }
            long[] sum = sums.computeIfAbsent(key, k -> new long[3]);
            sum[0] += b.activeConnections();
            sum[1] += b.inactiveConnections();
            sum[2] += b.weight();
        }
        String[] names = labels.toArray(new String[0]);
        Family active = sink.gauge("node_ipvs_backend_connections_active",
                "The current active connections by local and remote address.", names);
        Family inactive = sink.gauge("node_ipvs_backend_connections_inactive",
                "The current inactive connections by local and remote address.", names);
        Family weight = sink.gauge("node_ipvs_backend_weight", "The current backend weight by local and remote address.",
                names);
        sums.forEach((key, sum) -> {
            String[] values = key.toArray(new String[0]);
            active.add(u(sum[0]), values);
            inactive.add(u(sum[1]), values);
            weight.add(u(sum[2]), values);
        });
    }

    private static String labelValue(IpvsBackend b, String label) {
        switch (label) {
            case "local_address":
                return b.localAddress();
            case "local_port":
                return Integer.toString(b.localPort());
            case "remote_address":
                return b.remoteAddress();
            case "remote_port":
                return Integer.toString(b.remotePort());
            case "proto":
                return b.proto();
            default:
                return b.localMark();
        }
    }

    private static double u(long v) {
        return Numbers.unsignedToDouble(v);
    }
}
