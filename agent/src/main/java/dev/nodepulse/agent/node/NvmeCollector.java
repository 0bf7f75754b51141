package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.agent.collector.NoDataException;
import dev.nodepulse.metrics.Family;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.Numbers;
import dev.nodepulse.procfs.sys.nvme.NvmeController;
import dev.nodepulse.procfs.sys.nvme.NvmeReader;
import java.nio.file.NoSuchFileException;
import java.util.List;

/** NVMe controllers and their namespaces from /sys/class/nvme. */
public final class NvmeCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("nvme", true, ctx -> new NvmeCollector(ctx.paths()));

    private final HostPaths paths;

    public NvmeCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        List<NvmeController> controllers;
        try {
            controllers = NvmeReader.read(paths.sys("class", "nvme"));
        } catch (NoSuchFileException e) {
            throw new NoDataException("nvme statistics not found");
        }
        Family info = sink.gauge("node_nvme_info", "Non-numeric data from /sys/class/nvme/<device>, value is always 1.",
                "device", "firmware_revision", "model", "serial", "state", "cntlid");
        Family nsInfo = sink.gauge("node_nvme_namespace_info", "Information about NVMe namespaces. Value is always 1",
                "device", "nsid", "ana_state");
        Family capacity = sink.gauge("node_nvme_namespace_capacity_bytes",
                "Capacity of the NVMe namespace in bytes. Computed as namespace_size * namespace_logical_block_size",
                "device", "nsid");
        Family size = sink.gauge("node_nvme_namespace_size_bytes",
                "Size of the NVMe namespace in bytes. Available in /sys/class/nvme/<device>/<namespace>/size",
                "device", "nsid");
        Family used = sink.gauge("node_nvme_namespace_used_bytes",
                "Used space of the NVMe namespace in bytes. Available in /sys/class/nvme/<device>/<namespace>/nuse",
                "device", "nsid");
        Family block = sink.gauge("node_nvme_namespace_logical_block_size_bytes",
                "Logical block size of the NVMe namespace in bytes. Usually 4Kb. Available in "
                        + "/sys/class/nvme/<device>/<namespace>/queue/logical_block_size",
                "device", "nsid");
        for (NvmeController c : controllers) {
            info.add(1, c.name(), c.firmwareRevision(), c.model(), c.serial(), c.state(), c.controllerId());
            for (NvmeController.Namespace ns : c.namespaces()) {
                nsInfo.add(1, c.name(), ns.id(), ns.anaState());
                capacity.add(Numbers.unsignedToDouble(ns.capacityBytes()), c.name(), ns.id());
                size.add(Numbers.unsignedToDouble(ns.sizeBytes()), c.name(), ns.id());
                used.add(Numbers.unsignedToDouble(ns.usedBytes()), c.name(), ns.id());
                block.add(Numbers.unsignedToDouble(ns.logicalBlockSize()), c.name(), ns.id());
            }
        }
    }
}
