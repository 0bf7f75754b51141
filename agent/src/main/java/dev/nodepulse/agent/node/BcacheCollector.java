package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.cli.Flag;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.metrics.MetricType;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.Numbers;
import dev.nodepulse.procfs.sys.bcache.BcacheReader;
import dev.nodepulse.procfs.sys.bcache.BcacheStats;

/**
 * bcache cache sets from /sys/fs/bcache. Priority statistics make the kernel walk every bucket, so they are
 * read only with --collector.bcache.priorityStats.
 */
public final class BcacheCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("bcache", true,
            ctx -> new BcacheCollector(ctx.paths(), ctx.bool("priorityStats")),
            Flag.bool("collector.bcache.priorityStats", false, "Expose expensive priority stats."));

    private final HostPaths paths;
    private final boolean priorityStats;

    public BcacheCollector(HostPaths paths, boolean priorityStats) {
        this.paths = paths;
        this.priorityStats = priorityStats;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        for (BcacheStats s : BcacheReader.read(paths.sys("fs", "bcache"), priorityStats)) {
            String uuid = s.uuid();
            set(sink, "average_key_size_sectors", "Average data per key in the btree (sectors).", s.averageKeySize(), uuid);
            set(sink, "btree_cache_size_bytes", "Amount of memory currently used by the btree cache.",
                    s.btreeCacheSize(), uuid);
            set(sink, "cache_available_percent", "Percentage of cache device without dirty data, usable for writeback "
                    + "(may contain clean cached data).", s.cacheAvailablePercent(), uuid);
            set(sink, "congested", "Congestion.", s.congested(), uuid);
            set(sink, "root_usage_percent",
                    "Percentage of the root btree node in use (tree depth increases if too high).",
                    s.rootUsagePercent(), uuid);
            set(sink, "tree_depth", "Depth of the btree.", s.treeDepth(), uuid);
            set(sink, "active_journal_entries", "Number of journal entries that are newer than the index.",
                    s.activeJournalEntries(), uuid);
            set(sink, "btree_nodes", "Total nodes in the btree.", s.btreeNodes(), uuid);
            sink.gauge("node_bcache_btree_read_average_duration_seconds", "Average btree read duration.", "uuid")
                    .add(u(s.btreeReadAverageDuration()) * 1e-9, uuid);
            sink.counter("node_bcache_cache_read_races_total", "Counts instances where while data was being read from "
                    + "the cache, the bucket was reused and invalidated - i.e. where the pointer was stale after the "
                    + "read completed.", "uuid").add(u(s.cacheReadRaces()), uuid);

            for (BcacheStats.BackingDevice b : s.backingDevices()) {
                String n = b.name();
                backing(sink, "dirty_data_bytes", "Amount of dirty data for this backing device in the cache.",
                        MetricType.GAUGE, u(b.dirtyData()), uuid, n);
                backing(sink, "dirty_target_bytes",
                        "Current dirty data target threshold for this backing device in bytes.", MetricType.GAUGE,
                        u(b.writebackRateDebug().target()), uuid, n);
                backing(sink, "writeback_rate", "Current writeback rate for this backing device in bytes.",
                        MetricType.GAUGE, u(b.writebackRateDebug().rate()), uuid, n);
                backing(sink, "writeback_rate_proportional_term",
                        "Current result of proportional controller, part of writeback rate", MetricType.GAUGE,
                        b.writebackRateDebug().proportional(), uuid, n);
                backing(sink, "writeback_rate_integral_term",
                        "Current result of integral controller, part of writeback rate", MetricType.GAUGE,
                        b.writebackRateDebug().integral(), uuid, n);
                backing(sink, "writeback_change", "Last writeback rate change step for this backing device.",
                        MetricType.GAUGE, b.writebackRateDebug().change(), uuid, n);
                BcacheStats.PeriodStats t = b.total();
                backing(sink, "bypassed_bytes_total", "Amount of IO (both reads and writes) that has bypassed the cache.",
                        MetricType.COUNTER, u(t.bypassed()), uuid, n);
                backing(sink, "cache_hits_total", "Hits counted per individual IO as bcache sees them.",
                        MetricType.COUNTER, u(t.cacheHits()), uuid, n);
                backing(sink, "cache_misses_total", "Misses counted per individual IO as bcache sees them.",
                        MetricType.COUNTER, u(t.cacheMisses()), uuid, n);
                backing(sink, "cache_bypass_hits_total", "Hits for IO intended to skip the cache.",
                        MetricType.COUNTER, u(t.cacheBypassHits()), uuid, n);
                backing(sink, "cache_bypass_misses_total", "Misses for IO intended to skip the cache.",
                        MetricType.COUNTER, u(t.cacheBypassMisses()), uuid, n);
                backing(sink, "cache_miss_collisions_total",
                        "Instances where data insertion from cache miss raced with write (data already present).",
                        MetricType.COUNTER, u(t.cacheMissCollisions()), uuid, n);
                if (t.cacheReadaheads() != 0) {
                    backing(sink, "cache_readaheads_total", "Count of times readahead occurred.", MetricType.COUNTER,
                            u(t.cacheReadaheads()), uuid, n);
                }
            }
            for (BcacheStats.CacheDevice c : s.cacheDevices()) {
                String n = c.name();
                cache(sink, "io_errors", "Number of errors that have occurred, decayed by io_error_halflife.",
                        MetricType.GAUGE, u(c.ioErrors()), uuid, n);
                cache(sink, "metadata_written_bytes_total",
                        "Sum of all non data writes (btree writes and all other metadata).", MetricType.COUNTER,
                        u(c.metadataWritten()), uuid, n);
                cache(sink, "written_bytes_total", "Sum of all data that has been written to the cache.",
                        MetricType.COUNTER, u(c.written()), uuid, n);
                if (c.priority() != null) {
                    cache(sink, "priority_stats_unused_percent",
                            "The percentage of the cache that doesn't contain any data.", MetricType.GAUGE,
                            u(c.priority().unusedPercent()), uuid, n);
                    cache(sink, "priority_stats_metadata_percent", "Bcache's metadata overhead.", MetricType.GAUGE,
                            u(c.priority().metadataPercent()), uuid, n);
                }
            }
        }
    }

    private static void set(MetricSink sink, String name, String help, long value, String uuid) {
        sink.gauge("node_bcache_" + name, help, "uuid").add(u(value), uuid);
    }

    private static void backing(MetricSink sink, String name, String help, MetricType type, double value, String uuid,
                                String device) {
        sink.family("node_bcache_" + name, help, type, "uuid", "backing_device").add(value, uuid, device);
    }

    private static void cache(MetricSink sink, String name, String help, MetricType type, double value, String uuid,
                              String device) {
        sink.family("node_bcache_" + name, help, type, "uuid", "cache_device").add(value, uuid, device);
    }

    private static double u(long v) {
        return Numbers.unsignedToDouble(v);
    }
}
