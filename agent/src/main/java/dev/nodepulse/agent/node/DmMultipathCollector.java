package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.agent.collector.NoDataException;
import dev.nodepulse.metrics.Family;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.Numbers;
import dev.nodepulse.procfs.sys.block.MultipathDevice;
import dev.nodepulse.procfs.sys.block.MultipathReader;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.List;

/**
 * Device-mapper multipath maps and the state of their paths, from /sys/block (no multipathd or dmsetup
 * needed). A path counts as active when its SCSI device is "running" or its NVMe controller "live".
 */
public final class DmMultipathCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("dmmultipath", true,
            ctx -> new DmMultipathCollector(ctx.paths()));

    private final HostPaths paths;

    public DmMultipathCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        List<MultipathDevice> devices;
        try {
            devices = MultipathReader.read(paths.sys("block"));
        } catch (NoSuchFileException | AccessDeniedException e) {
            throw new NoDataException("could not read DM-multipath devices: " + e.getMessage());
        }
        Family info = sink.gauge("node_dmmultipath_device_info", "Non-numeric information about a DM-multipath device.",
                "device", "sysfs_name", "uuid");
        Family active = sink.gauge("node_dmmultipath_device_active",
                "Whether the multipath device-mapper device is active (1) or suspended (0).", "device", "sysfs_name");
        Family size = sink.gauge("node_dmmultipath_device_size_bytes",
                "Size of the multipath device in bytes, read from /sys/block/<dm>/size.", "device", "sysfs_name");
        Family pathState = sink.gauge("node_dmmultipath_path_state",
                "Reports the underlying device state for a multipath path, as read from /sys/block/<dev>/device/state.",
                "device", "path", "state");
        Family pathsTotal = sink.gauge("node_dmmultipath_device_paths", "Number of paths for a multipath device.",
                "device", "sysfs_name");
        Family pathsActive = sink.gauge("node_dmmultipath_device_paths_active",
                "Number of paths in active state (SCSI running or NVMe live) for a multipath device.",
                "device", "sysfs_name");
        Family pathsFailed = sink.gauge("node_dmmultipath_device_paths_failed",
                "Number of paths not in active state for a multipath device.", "device", "sysfs_name");
        for (MultipathDevice d : devices) {
            info.add(1, d.name(), d.sysfsName(), d.uuid());
            active.add(d.suspended() ? 0 : 1, d.name(), d.sysfsName());
            size.add(Numbers.unsignedToDouble(d.sizeBytes()), d.name(), d.sysfsName());
            int up = 0;
            int down = 0;
            for (MultipathDevice.Path p : d.paths()) {
                if (p.state().equals("running") || p.state().equals("live")) {
                    up++;
                } else {
                    down++;
                }
                pathState.add(1, d.name(), p.device(), p.state());
            }
            pathsTotal.add(d.paths().size(), d.name(), d.sysfsName());
            pathsActive.add(up, d.name(), d.sysfsName());
            pathsFailed.add(down, d.name(), d.sysfsName());
        }
    }
}
