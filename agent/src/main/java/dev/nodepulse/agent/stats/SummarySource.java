package dev.nodepulse.agent.stats;

import dev.nodepulse.agent.cadvisor.ContainerSnapshots;
import dev.nodepulse.cgroups.runtime.RuntimeKind;
import dev.nodepulse.cgroups.snapshot.CgroupSample;
import dev.nodepulse.cgroups.snapshot.CgroupSnapshot;
import dev.nodepulse.kubelet.stats.CpuAndMemorySummary;
import dev.nodepulse.kubelet.stats.Summary;
import dev.nodepulse.procfs.HostPaths;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

/**
 * Summaries of this node: one fresh cgroup snapshot per request (shared with concurrent scrapes of any container
 * endpoint), rates from the housekeeping loop, and for the full summary the filesystems and task limits read now.
 */
public final class SummarySource {

    private final ContainerSnapshots snapshots;
    private final CpuRates rates = new CpuRates();
    private final HostPaths paths;
    private final NodeFilesystems filesystems;
    private final String nodeName;
    private final Instant bootTime;
    private final SystemCgroups systemCgroups;
    private final boolean pressure;
    private final Clock clock;

    /** @param snapshots null when the host has no cgroups to read: every summary then fails, as the kubelet's would */
    public SummarySource(ContainerSnapshots snapshots, HostPaths paths, NodeFilesystems filesystems, String nodeName,
                         Instant bootTime, SystemCgroups systemCgroups, boolean pressure, Clock clock) {
        this.snapshots = snapshots;
        this.paths = paths;
        this.filesystems = filesystems;
        this.nodeName = nodeName;
        this.bootTime = bootTime;
        this.systemCgroups = systemCgroups;
        this.pressure = pressure;
        this.clock = clock;
    }

    /** The full summary, or with {@code cpuAndMemoryOnly} what /stats/summary?only_cpu_and_memory=true answers. */
    public Summary summary(boolean cpuAndMemoryOnly) throws IOException {
        if (snapshots == null) {
            throw new IOException("failed to get root cgroup stats: no cgroup hierarchy to read");
        }
        CgroupSnapshot snap = snapshots.current();
        NodeInputs in = new NodeInputs(nodeName, bootTime, systemCgroups, null, null, null, pressure);
        if (!cpuAndMemoryOnly) {
            NodeFilesystems.Result fs = filesystems.read(runtimeOf(snap));
            in = new NodeInputs(nodeName, bootTime, systemCgroups, fs.rootFs(), fs.imageFs(),
                    NodeLimits.read(paths, clock.instant()), pressure);
        }
        Summary s = SummaryBuilder.build(snap, rates.of(snapshots.housekeeping()), in, !cpuAndMemoryOnly);
        return cpuAndMemoryOnly ? CpuAndMemorySummary.of(s) : s;
    }

    /** The runtime of the node's containers, for the image filesystem's location. */
    static RuntimeKind runtimeOf(CgroupSnapshot snap) {
        for (CgroupSample s : snap.samples()) {
            if (s.metadata() != null) {
                return s.metadata().runtime();
            }
        }
        return null;
    }
}
