package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.agent.collector.NoDataException;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.metrics.MetricType;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.GoStrconv;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.proc.DrbdField;
import dev.nodepulse.procfs.proc.DrbdParser;
import java.nio.file.NoSuchFileException;
import java.util.Map;

/** DRBD 8 device statistics from /proc/drbd (off by default, as upstream). Sizes in KiB become bytes. */
public final class DrbdCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("drbd", false, ctx -> new DrbdCollector(ctx.paths()));

    private record Numerical(String name, String help, MetricType type, double multiplier) {}

    private record StringPair(String name, String help, String okValue) {}

    private static final Map<String, Numerical> NUMERICAL = Map.ofEntries(
            Map.entry("ns", new Numerical("network_sent_bytes_total", "Total number of bytes sent via the network.",
                    MetricType.COUNTER, 1024)),
            Map.entry("nr", new Numerical("network_received_bytes_total",
                    "Total number of bytes received via the network.", MetricType.COUNTER, 1)),
            Map.entry("dw", new Numerical("disk_written_bytes_total", "Net data written on local hard disk; in bytes.",
                    MetricType.COUNTER, 1024)),
            Map.entry("dr", new Numerical("disk_read_bytes_total", "Net data read from local hard disk; in bytes.",
                    MetricType.COUNTER, 1024)),
            Map.entry("al", new Numerical("activitylog_writes_total",
                    "Number of updates of the activity log area of the meta data.", MetricType.COUNTER, 1)),
            Map.entry("bm", new Numerical("bitmap_writes_total", "Number of updates of the bitmap area of the meta data.",
                    MetricType.COUNTER, 1)),
            Map.entry("lo", new Numerical("local_pending", "Number of open requests to the local I/O sub-system.",
                    MetricType.GAUGE, 1)),
            Map.entry("pe", new Numerical("remote_pending",
                    "Number of requests sent to the peer, but that have not yet been answered by the latter.",
                    MetricType.GAUGE, 1)),
            Map.entry("ua", new Numerical("remote_unacknowledged", "Number of requests received by the peer via the "
                    + "network connection, but that have not yet been answered.", MetricType.GAUGE, 1)),
            Map.entry("ap", new Numerical("application_pending",
                    "Number of block I/O requests forwarded to DRBD, but not yet answered by DRBD.", MetricType.GAUGE, 1)),
            Map.entry("ep", new Numerical("epochs", "Number of Epochs currently on the fly.", MetricType.GAUGE, 1)),
            Map.entry("oos", new Numerical("out_of_sync_bytes", "Amount of data known to be out of sync; in bytes.",
                    MetricType.GAUGE, 1024)));

    private static final Map<String, StringPair> STRING_PAIRS = Map.of(
            "ro", new StringPair("node_role_is_primary", "Whether the role of the node is in the primary state.",
                    "Primary"),
            "ds", new StringPair("disk_state_is_up_to_date", "Whether the disk of the node is up to date.", "UpToDate"));

    private final HostPaths paths;

    public DrbdCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        String text;
        try {
            text = SmallFiles.read(paths.proc("drbd"));
        } catch (NoSuchFileException e) {
            throw new NoDataException("/proc/drbd does not exist");
        }
        for (DrbdField f : DrbdParser.parse(text)) {
            Numerical n = NUMERICAL.get(f.key());
            if (n != null) {
                double v;
                try {
                    v = GoStrconv.parseFloat(f.value());
                } catch (NumberFormatException e) {
                    throw new ParseException("/proc/drbd: " + f.key() + " is not a number: \"" + f.value() + "\"");
                }
                sink.family("node_drbd_" + n.name(), n.help(), n.type(), "device").add(v * n.multiplier(), f.device());
                continue;
            }
            StringPair p = STRING_PAIRS.get(f.key());
            if (p != null) {
                String[] values = f.value().split("/", -1);
                if (values.length < 2) {
                    throw new ParseException("/proc/drbd: expected local/remote in " + f.key() + ":" + f.value());
                }
                var family = sink.gauge("node_drbd_" + p.name(), p.help(), "device", "node");
                family.add(values[0].equals(p.okValue()) ? 1 : 0, f.device(), "local");
                family.add(values[1].equals(p.okValue()) ? 1 : 0, f.device(), "remote");
                continue;
            }
            if (f.key().equals("cs")) {
                sink.gauge("node_drbd_connected", "Whether DRBD is connected to the peer.", "device")
                        .add(f.value().equals("Connected") ? 1 : 0, f.device());
            }
        }
    }
}
