package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.agent.collector.DeviceFilter;
import dev.nodepulse.cli.Flag;
import dev.nodepulse.log.Log;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.io.Numbers;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.netlink.CannedNetlinkParser;
import dev.nodepulse.procfs.netlink.QdiscStats;
import dev.nodepulse.procfs.netlink.Rtnetlink;
import java.nio.file.Path;
import java.util.List;

/**
 * Root queueing disciplines and their counters (node_qdisc_*, labels device and kind), dumped over
 * rtnetlink (RTM_GETQDISC) as node_exporter does; --collector.qdisc.fixtures (its end-to-end test hook)
 * reads the same answer from results.json instead.
 */
public final class QdiscCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("qdisc", false, QdiscCollector::create,
            Flag.string("collector.qdisc.fixtures", "", "test fixtures to use for qdisc collector end-to-end testing"),
            Flag.regex("collector.qdisc.device-include", "",
                    "Regexp of qdisc devices to include (mutually exclusive to device-exclude)."),
            Flag.regex("collector.qdisc.device-exclude", "",
                    "Regexp of qdisc devices to exclude (mutually exclusive to device-include)."),
            Flag.regex("collector.qdisk.device-include", "", "DEPRECATED: Use collector.qdisc.device-include"),
            Flag.regex("collector.qdisk.device-exclude", "", "DEPRECATED: Use collector.qdisc.device-exclude"));

    private static final Log LOG = Log.get(QdiscCollector.class);

    private static final String[] LABELS = {"device", "kind"};

    /** A kernel answers a dump in microseconds; this only bounds a wedged socket. */
    static final int NETLINK_TIMEOUT_MILLIS = 5000;

    private final String fixtures;
    private final DeviceFilter filter;

    public QdiscCollector(String fixtures, DeviceFilter filter) {
        this.fixtures = fixtures;
        this.filter = filter;
    }

    private static QdiscCollector create(dev.nodepulse.agent.collector.CollectorContext ctx) {
        String include = ctx.string("device-include");
        String exclude = ctx.string("device-exclude");
        // The misspelt "qdisk" flags of older releases still work, but not together with the new ones.
        String oldInclude = ctx.flags().string("collector.qdisk.device-include");
        String oldExclude = ctx.flags().string("collector.qdisk.device-exclude");
        if (!oldInclude.isEmpty()) {
            if (!include.isEmpty()) {
                throw new IllegalArgumentException(
                        "--collector.qdisk.device-include and --collector.qdisc.device-include are mutually exclusive");
            }
            LOG.warn("--collector.qdisk.device-include is DEPRECATED and will be removed in 2.0.0, use --collector.qdisc.device-include");
            include = oldInclude;
        }
        if (!oldExclude.isEmpty()) {
            if (!exclude.isEmpty()) {
                throw new IllegalArgumentException(
                        "--collector.qdisk.device-exclude and --collector.qdisc.device-exclude are mutually exclusive");
            }
            LOG.warn("--collector.qdisk.device-exclude is DEPRECATED and will be removed in 2.0.0, use --collector.qdisc.device-exclude");
            exclude = oldExclude;
        }
        if (!include.isEmpty() && !exclude.isEmpty()) {
            throw new IllegalArgumentException("collector.qdisc.device-include and collector.qdisc.device-exclude are mutaly exclusive");
        }
        return new QdiscCollector(ctx.string("fixtures"), new DeviceFilter(
                include.isEmpty() ? null : java.util.regex.Pattern.compile(include),
                exclude.isEmpty() ? null : java.util.regex.Pattern.compile(exclude)));
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        List<QdiscStats> qdiscs;
        if (fixtures.isEmpty()) {
            qdiscs = new Rtnetlink(NETLINK_TIMEOUT_MILLIS).qdiscs();
        } else {
            Path p = Path.of(fixtures, "results.json");
            qdiscs = CannedNetlinkParser.qdiscs(SmallFiles.read(p), p.toString());
        }
        publish(qdiscs, sink);
    }

    void publish(List<QdiscStats> qdiscs, MetricSink sink) {
        for (QdiscStats q : qdiscs) {
            if (q.parent() != 0) {
                continue; // only root qdiscs, as node_exporter
            }
            if (filter.ignored(q.device())) {
                continue;
            }
            String[] l = {q.device(), q.kind()};
            sink.counter("node_qdisc_bytes_total", "Number of bytes sent.", LABELS).add(u(q.bytes()), l);
            sink.counter("node_qdisc_packets_total", "Number of packets sent.", LABELS).add(u(q.packets()), l);
            sink.counter("node_qdisc_drops_total", "Number of packets dropped.", LABELS).add(u(q.drops()), l);
            sink.counter("node_qdisc_requeues_total", "Number of packets dequeued, not transmitted, and requeued.",
                    LABELS).add(u(q.requeues()), l);
            sink.counter("node_qdisc_overlimits_total", "Number of overlimit packets.", LABELS).add(u(q.overlimits()), l);
            sink.gauge("node_qdisc_current_queue_length", "Number of packets currently in queue to be sent.", LABELS)
                    .add(u(q.queueLength()), l);
            sink.gauge("node_qdisc_backlog", "Number of bytes currently in queue to be sent.", LABELS)
                    .add(u(q.backlog()), l);
        }
    }

    private static double u(long v) {
        return Numbers.unsignedToDouble(v);
    }
}
