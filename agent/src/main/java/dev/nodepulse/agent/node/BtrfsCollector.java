package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.GoNumbers;
import dev.nodepulse.procfs.sys.btrfs.BtrfsReader;
import dev.nodepulse.procfs.sys.btrfs.BtrfsStats;
import java.util.Map;

/**
 * Btrfs allocation, device sizes and commit statistics from /sys/fs/btrfs.
 *
 * <p>node_exporter additionally opens every mounted btrfs filesystem and asks the kernel for per-device
 * statistics with the BTRFS_IOC_FS_INFO/DEV_INFO/GET_DEV_STATS ioctls; when that works it publishes
 * node_btrfs_device_errors_total and node_btrfs_device_unused_bytes and labels node_btrfs_device_size_bytes
 * with btrfs_dev_uuid. This agent does not issue those ioctls, so it always publishes what node_exporter
 * publishes when the ioctls fail (for example without the mount in its namespace): device sizes from sysfs,
 * labelled by device name only.
 */
public final class BtrfsCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("btrfs", true, ctx -> new BtrfsCollector(ctx.paths()));

    private final HostPaths paths;

    public BtrfsCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        for (BtrfsStats s : BtrfsReader.read(paths.sys("fs", "btrfs"))) {
            String uuid = s.uuid();
            sink.gauge("node_btrfs_info", "Filesystem information", "uuid", "label").add(1, uuid, s.label());
            sink.gauge("node_btrfs_global_rsv_size_bytes", "Size of global reserve.", "uuid")
                    .add(u(s.globalRsvSize()), uuid);
            sink.counter("node_btrfs_commits_total", "The total number of commits that have occurred.", "uuid")
                    .add(u(s.commits()), uuid);
            sink.gauge("node_btrfs_last_commit_seconds", "Duration of the most recent commit, in seconds.", "uuid")
                    .add(u(s.lastCommitMs()) / 1000, uuid);
            sink.gauge("node_btrfs_max_commit_seconds", "Duration of the slowest commit, in seconds.", "uuid")
                    .add(u(s.maxCommitMs()) / 1000, uuid);
            sink.counter("node_btrfs_commit_seconds_total", "Sum of the duration of all commits, in seconds.", "uuid")
                    .add(u(s.totalCommitMs()) / 1000, uuid);
            allocation(sink, uuid, "data", s.data());
            allocation(sink, uuid, "metadata", s.metadata());
            allocation(sink, uuid, "system", s.system());
            for (Map.Entry<String, Long> dev : s.deviceSizeBytes().entrySet()) {
                sink.gauge("node_btrfs_device_size_bytes", "Size of a device that is part of the filesystem.",
                        "uuid", "device").add(u(dev.getValue()), uuid, dev.getKey());
            }
        }
    }

    private static void allocation(MetricSink sink, String uuid, String type, BtrfsStats.Allocation a) {
        sink.gauge("node_btrfs_reserved_bytes", "Amount of space reserved for a data type", "uuid", "block_group_type")
                .add(u(a.reservedBytes()), uuid, type);
        for (Map.Entry<String, BtrfsStats.Layout> e : a.layouts().entrySet()) {
            BtrfsStats.Layout l = e.getValue();
            sink.gauge("node_btrfs_used_bytes", "Amount of used space by a layout/data type",
                    "uuid", "block_group_type", "mode").add(u(l.usedBytes()), uuid, type, e.getKey());
            sink.gauge("node_btrfs_size_bytes", "Amount of space allocated for a layout/data type",
                    "uuid", "block_group_type", "mode").add(u(l.totalBytes()), uuid, type, e.getKey());
            sink.gauge("node_btrfs_allocation_ratio", "Data allocation ratio for a layout/data type",
                    "uuid", "block_group_type", "mode").add(l.ratio(), uuid, type, e.getKey());
        }
    }

    private static double u(long v) {
        return GoNumbers.unsignedToDouble(v);
    }
}
