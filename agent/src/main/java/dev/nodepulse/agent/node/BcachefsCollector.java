package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.agent.collector.NoDataException;
import dev.nodepulse.metrics.Family;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.Numbers;
import dev.nodepulse.procfs.sys.bcachefs.BcachefsReader;
import dev.nodepulse.procfs.sys.bcachefs.BcachefsStats;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Map;

/**
 * bcachefs filesystems from /sys/fs/bcachefs: cache size, compression, errors, btree writes, per-device
 * figures, and one node_bcachefs_&lt;counter&gt;_total family per file of counters/ (value since creation).
 */
public final class BcachefsCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("bcachefs", true, ctx -> new BcachefsCollector(ctx.paths()));

    private final HostPaths paths;

    public BcachefsCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        List<BcachefsStats> filesystems;
        try {
            filesystems = BcachefsReader.read(paths.sys("fs", "bcachefs"));
        } catch (NoSuchFileException e) {
            throw new NoDataException("bcachefs sysfs path does not exist");
        }
        if (filesystems.isEmpty()) {
            throw new NoDataException("no bcachefs filesystems");
        }
        for (BcachefsStats s : filesystems) {
            String uuid = s.uuid();
            sink.gauge("node_bcachefs_info", "Filesystem information.", "uuid").add(1, uuid);
            sink.gauge("node_bcachefs_btree_cache_size_bytes", "Btree cache memory usage in bytes.", "uuid")
                    .add(u(s.btreeCacheSizeBytes()), uuid);
            Family compressed = sink.gauge("node_bcachefs_compression_compressed_bytes", "Compressed size by algorithm.",
                    "uuid", "algorithm");
            Family uncompressed = sink.gauge("node_bcachefs_compression_uncompressed_bytes",
                    "Uncompressed size by algorithm.", "uuid", "algorithm");
            s.compression().forEach((algorithm, c) -> {
                compressed.add(u(c.compressedBytes()), uuid, algorithm);
                uncompressed.add(u(c.uncompressedBytes()), uuid, algorithm);
            });
            Family errors = sink.counter("node_bcachefs_errors_total", "Error count by error type.", "uuid", "error_type");
            s.errors().forEach((type, count) -> errors.add(u(count), uuid, type));
            s.countersSinceCreation().forEach((counter, value) ->
                    sink.counter("node_bcachefs_" + MetricNames.sanitize(counter) + "_total",
                            "Bcachefs counter " + counter + " since filesystem creation.", "uuid").add(u(value), uuid));
            Family writes = sink.counter("node_bcachefs_btree_writes_total", "Number of btree writes by type.",
                    "uuid", "type");
            Family writeSize = sink.gauge("node_bcachefs_btree_write_average_size_bytes",
                    "Average btree write size by type.", "uuid", "type");
            s.btreeWrites().forEach((type, w) -> {
                writes.add(u(w.count()), uuid, type);
                writeSize.add(u(w.averageSizeBytes()), uuid, type);
            });
            for (Map.Entry<String, BcachefsStats.Device> e : s.devices().entrySet()) {
                device(sink, uuid, e.getKey(), e.getValue());
            }
        }
    }

    private static void device(MetricSink sink, String uuid, String device, BcachefsStats.Device d) {
        sink.gauge("node_bcachefs_device_info", "Device information.", "uuid", "device", "label", "state")
                .add(1, uuid, device, d.label(), d.state());
        sink.gauge("node_bcachefs_device_bucket_size_bytes", "Bucket size in bytes.", "uuid", "device")
                .add(u(d.bucketSizeBytes()), uuid, device);
        sink.gauge("node_bcachefs_device_buckets", "Total number of buckets.", "uuid", "device")
                .add(u(d.buckets()), uuid, device);
        sink.gauge("node_bcachefs_device_durability", "Device durability setting.", "uuid", "device")
                .add(u(d.durability()), uuid, device);
        Family done = sink.counter("node_bcachefs_device_io_done_bytes_total",
                "IO bytes by operation type and data type.", "uuid", "device", "operation", "data_type");
        d.ioDone().forEach((op, byType) -> byType.forEach((type, bytes) -> done.add(u(bytes), uuid, device, op, type)));
        Family ioErrors = sink.counter("node_bcachefs_device_io_errors_total", "IO errors by error type.",
                "uuid", "device", "type");
        d.ioErrors().forEach((type, count) -> ioErrors.add(u(count), uuid, device, type));
    }

    private static double u(long v) {
        return Numbers.unsignedToDouble(v);
    }
}
