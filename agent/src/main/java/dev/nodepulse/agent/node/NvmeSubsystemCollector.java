package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.agent.collector.NoDataException;
import dev.nodepulse.metrics.Family;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.sys.nvme.NvmeSubsystem;
import dev.nodepulse.procfs.sys.nvme.NvmeSubsystemReader;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Map;

/**
 * NVMe(-oF) subsystem path health from /sys/class/nvme-subsystem. Every controller path gets one
 * node_nvmesubsystem_path_state sample per known state, 1 on its current one. As in node_exporter, a missing
 * or unreadable file anywhere in the tree (not only the class directory) means "no data".
 */
public final class NvmeSubsystemCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("nvmesubsystem", false,
            ctx -> new NvmeSubsystemCollector(ctx.paths()));

    /** The published state for each state the kernel reports; any other is published as "unknown". */
    static final Map<String, String> STATES = Map.of("live", "live", "connecting", "connecting",
            "resetting", "resetting", "dead", "dead", "deleting", "deleting", "deleting (no IO)", "deleting",
            "new", "new");

    /** Every published state, sorted, each path gets one sample per entry. */
    static final List<String> PUBLISHED_STATES = List.of("connecting", "dead", "deleting", "live", "new",
            "resetting", "unknown");

    private final HostPaths paths;

    public NvmeSubsystemCollector(HostPaths paths) {
        this.paths = paths;
    }

    static String publishedState(String kernelState) {
        return STATES.getOrDefault(kernelState, "unknown");
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        List<NvmeSubsystem> subsystems;
        try {
            subsystems = NvmeSubsystemReader.read(paths.sys("class", "nvme-subsystem"));
        } catch (NoSuchFileException | AccessDeniedException e) {
            throw new NoDataException("could not read NVMe subsystem info: " + e.getMessage());
        }
        Family info = sink.gauge("node_nvmesubsystem_info", "Non-numeric information about an NVMe subsystem.",
                "subsystem", "nqn", "model", "serial", "iopolicy");
        Family namespaceInfo = sink.gauge("node_nvmesubsystem_namespace_info",
                "Maps an NVMe namespace block device to its subsystem.", "subsystem", "device");
        Family pathState = sink.gauge("node_nvmesubsystem_path_state",
                "Current NVMe controller path state (1 for the current state, 0 for all others).",
                "subsystem", "controller", "transport", "state");
        Family pathCount = sink.gauge("node_nvmesubsystem_paths", "Number of controller paths for an NVMe subsystem.",
                "subsystem");
        Family pathsLive = sink.gauge("node_nvmesubsystem_paths_live",
                "Number of controller paths in live state for an NVMe subsystem.", "subsystem");
        for (NvmeSubsystem s : subsystems) {
            info.add(1, s.name(), s.nqn(), s.model(), s.serial(), s.ioPolicy());
            for (String ns : s.namespaces()) {
                namespaceInfo.add(1, s.name(), ns);
            }
            int live = 0;
            for (NvmeSubsystem.Controller c : s.controllers()) {
                String state = publishedState(c.state());
                if (state.equals("live")) {
                    live++;
                }
                for (String candidate : PUBLISHED_STATES) {
                    pathState.add(candidate.equals(state) ? 1 : 0, s.name(), c.name(), c.transport(), candidate);
                }
            }
            pathCount.add(s.controllers().size(), s.name());
            pathsLive.add(live, s.name());
        }
    }
}
