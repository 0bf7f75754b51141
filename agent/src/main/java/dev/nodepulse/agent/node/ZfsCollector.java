package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.agent.collector.NoDataException;
import dev.nodepulse.log.Log;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.zfs.Kstat;
import dev.nodepulse.procfs.zfs.KstatParser;
import dev.nodepulse.procfs.zfs.ZpoolIo;
import dev.nodepulse.procfs.zfs.ZpoolIoParser;
import dev.nodepulse.procfs.zfs.ZpoolStateParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * OpenZFS kstats from /proc/spl/kstat/zfs: the module-wide tables (arcstats, abdstats, ...) as untyped
 * node_zfs_&lt;subsystem&gt;_&lt;name&gt;, each pool's io kstat, each dataset's objset kstat, and each
 * pool's state. Untyped and named after the kstat because that is what node_exporter publishes.
 */
public final class ZfsCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("zfs", true, ctx -> new ZfsCollector(ctx.paths()));

    private static final Log LOG = Log.get(ZfsCollector.class);

    /** Metric subsystem → kstat file, as node_exporter maps them. */
    static final Map<String, String> TABLES = Map.ofEntries(
            Map.entry("zfs_abd", "abdstats"),
            Map.entry("zfs_arc", "arcstats"),
            Map.entry("zfs_dbuf", "dbufstats"),
            Map.entry("zfs_dmu_tx", "dmu_tx"),
            Map.entry("zfs_dnode", "dnodestats"),
            Map.entry("zfs_fm", "fm"),
            Map.entry("zfs_vdev_cache", "vdev_cache_stats"),
            Map.entry("zfs_vdev_mirror", "vdev_mirror_stats"),
            Map.entry("zfs_xuio", "xuio_stats"),
            Map.entry("zfs_zfetch", "zfetchstats"),
            Map.entry("zfs_zil", "zil"));

    static final List<String> POOL_STATES = List.of(
            "online", "degraded", "faulted", "offline", "removed", "unavail", "suspended");

    private final HostPaths paths;

    public ZfsCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        Path base = paths.proc("spl", "kstat", "zfs");
        if (!Files.isDirectory(base)) {
            throw new NoDataException("ZFS / ZFS statistics are not available");
        }
        for (Map.Entry<String, String> t : TABLES.entrySet()) {
            String text;
            try {
                text = SmallFiles.read(base.resolve(t.getValue()));
            } catch (NoSuchFileException e) {
                // Files appear with ZFS features; an older module simply lacks some.
                LOG.debug("Cannot open file for reading", "path", base.resolve(t.getValue()));
                continue;
            }
            Kstat k = KstatParser.parse(text, base.resolve(t.getValue()).toString());
            for (Kstat.Row r : k.rows()) {
                if (r.isNumeric()) {
                    String help = "kstat.zfs.misc." + t.getValue() + "." + r.name();
                    sink.untyped("node_" + t.getKey() + "_" + metricName(r.name()), help).add(r.value());
                }
            }
        }
        pools(base, sink);
    }

    private void pools(Path base, MetricSink sink) throws IOException {
        for (String pool : SmallFiles.list(base)) {
            Path dir = base.resolve(pool);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            Path io = dir.resolve("io");
            if (Files.exists(io)) {
                ZpoolIo stats = ZpoolIoParser.parse(SmallFiles.read(io), io.toString());
                for (ZpoolIo.Counter c : stats.counters()) {
                    sink.untyped("node_zfs_zpool_" + metricName(c.name()), "kstat.zfs.misc.io." + c.name(), "zpool")
                            .add(c.value(), pool);
                }
            }
        }
        for (String pool : SmallFiles.list(base)) {
            Path dir = base.resolve(pool);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            for (String file : SmallFiles.list(dir)) {
                if (!file.startsWith("objset-")) {
                    continue;
                }
                Path p = dir.resolve(file);
                Kstat k = KstatParser.parse(SmallFiles.read(p), p.toString());
                String dataset = "";
                for (Kstat.Row r : k.rows()) {
                    if (r.name().equals("dataset_name")) {
                        dataset = r.text();
                        continue;
                    }
                    if (r.type() == Kstat.UINT64) {
                        sink.untyped("node_zfs_zpool_dataset_" + metricName(r.name()),
                                "kstat.zfs.misc.objset." + r.name(), "zpool", "dataset").add(r.value(), pool, dataset);
                    }
                }
            }
        }
        for (String pool : SmallFiles.list(base)) {
            Path state = base.resolve(pool).resolve("state");
            if (!Files.isRegularFile(state)) {
                continue;
            }
            String current = ZpoolStateParser.parse(SmallFiles.read(state));
            for (String s : POOL_STATES) {
                sink.gauge("node_zfs_zpool_state", "kstat.zfs.misc.state", "zpool", "state")
                        .add(s.equals(current) ? 1 : 0, pool, s);
            }
        }
    }

    /** The kstat name as a metric name: the last dot-separated part, dashes turned into underscores. */
    static String metricName(String kstat) {
        int dot = kstat.lastIndexOf('.');
        return (dot < 0 ? kstat : kstat.substring(dot + 1)).replace('-', '_');
    }
}
