package dev.nodepulse.cgroups.snapshot;

import dev.nodepulse.cgroups.discovery.CgroupKind;
import dev.nodepulse.cgroups.discovery.DiscoveredCgroup;
import dev.nodepulse.cgroups.runtime.ContainerMetadata;
import dev.nodepulse.cgroups.stats.BlkioStats;
import dev.nodepulse.cgroups.stats.CgroupSpec;
import dev.nodepulse.cgroups.stats.CpuStats;
import dev.nodepulse.cgroups.stats.InterfaceStats;
import dev.nodepulse.cgroups.stats.MemoryStats;
import dev.nodepulse.cgroups.stats.PressureStats;
import dev.nodepulse.cgroups.stats.ProcessStats;
import java.util.List;

/**
 * Everything read for one cgroup in one walk. Parts the host does not offer for this cgroup are null
 * (memory without the memory controller, pressure on v1...).
 *
 * @param metadata  the runtime's record of a CONTAINER cgroup; null for other kinds and unknown containers
 * @param pod       the pod of POD and CONTAINER cgroups (name/namespace "" when no runtime record names it)
 * @param network   interfaces seen from the row's network namespace: the root's (pid 1) and sandbox rows';
 *                  null for every other row, as the kubelet shows network only there
 */
public record CgroupSample(DiscoveredCgroup cgroup, ContainerMetadata metadata, PodRef pod, CgroupSpec spec,
                           CpuStats cpu, MemoryStats memory, BlkioStats blkio, PressureStats pressure,
                           ProcessStats processes, List<InterfaceStats> network) {

    public String id() {
        return cgroup.id();
    }

    public CgroupKind kind() {
        return cgroup.kind();
    }

    /** The kubelet's {@code name} label: the runtime alias of a known container, "" otherwise. */
    public String name() {
        return metadata == null ? "" : metadata.alias();
    }

    public String image() {
        return metadata == null ? "" : metadata.image();
    }

    /** The Kubernetes container name ("" for pod rows, containerd sandboxes and unknown containers). */
    public String containerName() {
        return metadata == null ? "" : metadata.containerName();
    }

    public String podName() {
        return pod == null ? "" : pod.name();
    }

    public String namespace() {
        return pod == null ? "" : pod.namespace();
    }

    public boolean isSandbox() {
        return metadata != null && metadata.sandbox();
    }

    /** Creation time for {@code container_start_time_seconds}: the runtime's when it records one, else the cgroup's. */
    public long startTimeMillis() {
        if (metadata != null && metadata.createdMillis() > 0) {
            return metadata.createdMillis();
        }
        return spec == null ? 0 : spec.creationTimeMillis();
    }
}
