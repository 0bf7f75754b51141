package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.log.Log;
import dev.nodepulse.metrics.Family;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.Numbers;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.natives.BtrfsIoctl;
import dev.nodepulse.procfs.proc.MountInfo;
import dev.nodepulse.procfs.proc.MountinfoParser;
import dev.nodepulse.procfs.sys.btrfs.BtrfsReader;
import dev.nodepulse.procfs.sys.btrfs.BtrfsStats;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Btrfs allocation, device sizes and commit statistics from /sys/fs/btrfs, plus per-device error counters
 * and usage from the read-only btrfs ioctls on every mounted filesystem (found in /proc/1/mountinfo, or
 * /proc/self/mountinfo when pid 1 is hidden). Where the ioctls cannot be used (the mount is not visible or
 * not readable), device sizes come from sysfs without the btrfs_dev_uuid label, exactly as node_exporter
 * falls back; node_btrfs_device_size_bytes can therefore carry both label sets on one host.
 */
public final class BtrfsCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("btrfs", true, ctx -> new BtrfsCollector(ctx.paths()));

    private static final Log LOG = Log.get(BtrfsCollector.class);
    private static final String[] ERROR_TYPES = {"write", "read", "flush", "corruption", "generation"};

    /** One device as the ioctls report it. */
    record IoctlDevice(String device, String uuid, long bytesUsed, long totalBytes, long[] errors) {}

    private final HostPaths paths;

    public BtrfsCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        List<BtrfsStats> filesystems = BtrfsReader.read(paths.sys("fs", "btrfs"));
        Map<String, List<IoctlDevice>> ioctl = filesystems.isEmpty() ? Map.of() : ioctlStats();
        GaugeSnapshot.Builder deviceSize = GaugeSnapshot.builder().name("node_btrfs_device_size_bytes")
                .help("Size of a device that is part of the filesystem.");
        boolean anyDevice = false;
        for (BtrfsStats s : filesystems) {
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

            List<IoctlDevice> devices = ioctl.get(uuid.replace("-", ""));
            if (devices == null) {
                for (Map.Entry<String, Long> dev : s.deviceSizeBytes().entrySet()) {
                    deviceSize.dataPoint(point(u(dev.getValue()), "uuid", uuid, "device", dev.getKey()));
                    anyDevice = true;
                }
                continue;
            }
            Family unused = sink.gauge("node_btrfs_device_unused_bytes",
                    "Unused bytes unused on a device that is part of the filesystem.", "uuid", "device", "btrfs_dev_uuid");
            Family errors = sink.counter("node_btrfs_device_errors_total", "Errors reported for the device",
                    "uuid", "type", "device", "btrfs_dev_uuid");
            for (IoctlDevice d : devices) {
                deviceSize.dataPoint(point(u(d.totalBytes()), "uuid", uuid, "device", d.device(),
                        "btrfs_dev_uuid", d.uuid()));
                anyDevice = true;
                unused.add(u(d.totalBytes() - d.bytesUsed()), uuid, d.device(), d.uuid());
                for (int i = 0; i < ERROR_TYPES.length; i++) {
                    errors.add(u(d.errors()[i]), uuid, ERROR_TYPES[i], d.device(), d.uuid());
                }
            }
        }
        if (anyDevice) {
            sink.add(deviceSize.build());
        }
    }

    /** The btrfs filesystems of a mount table, in its order. */
    static List<MountInfo> btrfsMounts(List<MountInfo> mounts) {
        return mounts.stream().filter(m -> m.fsType().equals("btrfs")).toList();
    }

    /** Per filesystem (keyed by its fsid in hex, without dashes), the devices the ioctls report. */
    Map<String, List<IoctlDevice>> ioctlStats() {
        List<MountInfo> mounts;
        try {
            String text;
            try {
                text = SmallFiles.read(paths.proc("1", "mountinfo"));
            } catch (NoSuchFileException e) {
                text = SmallFiles.read(paths.proc("self", "mountinfo"));
            }
            mounts = btrfsMounts(MountinfoParser.parse(text, "mountinfo"));
        } catch (IOException e) {
            LOG.debug("Error querying btrfs device stats with ioctl", "err", e.getMessage());
            return Map.of();
        }
        Set<String> devicesDone = new HashSet<>();
        Map<String, List<IoctlDevice>> out = new HashMap<>();
        for (MountInfo m : mounts) {
            if (devicesDone.contains(m.source())) {
                continue;
            }
            java.nio.file.Path mountPath = paths.root(paths.stripRoot(MountinfoParser.unescapeMountPoint(m.mountPoint())));
            try (BtrfsIoctl fs = BtrfsIoctl.open(mountPath)) {
                BtrfsIoctl.FsInfo info = fs.fsInfo();
                String fsid = HexFormat.of().formatHex(info.fsid());
                if (out.containsKey(fsid)) {
                    continue;
                }
                List<IoctlDevice> devices = new ArrayList<>();
                for (long id = 0; Long.compareUnsigned(id, info.maxId()) <= 0; id++) {
                    BtrfsIoctl.DevInfo dev;
                    try {
                        dev = fs.devInfo(id);
                    } catch (BtrfsIoctl.NoSuchDeviceException e) {
                        continue;
                    }
                    long[] stats = fs.devStats(id);
                    devices.add(new IoctlDevice(lastElement(dev.path()), uuid(dev.uuid()), dev.bytesUsed(),
                            dev.totalBytes(), stats));
                    if (devices.size() == info.numDevices()) {
                        break;
                    }
                }
                devicesDone.add(m.source());
                out.put(fsid, List.copyOf(devices));
            } catch (IOException | RuntimeException | LinkageError e) {
                LOG.debug("Error inspecting btrfs mountpoint", "mountPoint", mountPath, "err", e.getMessage());
            }
        }
        return out;
    }

    /** The text form of a device UUID as node_exporter labels it ("&lt;zero&gt;" for an all-zero one). */
    static String uuid(byte[] b) {
        boolean zero = true;
        for (byte x : b) {
            zero &= x == 0;
        }
        if (zero) {
            return "<zero>";
        }
        String h = HexFormat.of().formatHex(b);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
                + "-" + h.substring(20);
    }

    private static String lastElement(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static GaugeSnapshot.GaugeDataPointSnapshot point(double v, String... namesAndValues) {
        String[] names = new String[namesAndValues.length / 2];
        String[] values = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            names[i] = namesAndValues[2 * i];
            values[i] = namesAndValues[2 * i + 1];
        }
        return GaugeSnapshot.GaugeDataPointSnapshot.builder().value(v).labels(Labels.of(names, values)).build();
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
        return Numbers.unsignedToDouble(v);
    }
}
