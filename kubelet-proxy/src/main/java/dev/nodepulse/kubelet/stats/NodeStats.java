package dev.nodepulse.kubelet.stats;

import java.time.Instant;
import java.util.List;

/**
 * Node-level stats. {@code startTime} is the node's boot time. Every field but {@code nodeName} and
 * {@code startTime} may be null, meaning unknown, and is then left out of the JSON.
 */
public record NodeStats(String nodeName, List<ContainerStats> systemContainers, Instant startTime, CpuStats cpu,
        MemoryStats memory, IoStats io, NetworkStats network, FsStats fs, RuntimeStats runtime, RlimitStats rlimit,
        SwapStats swap) {

    /** The names the kubelet gives its system containers. */
    public static final String SYSTEM_CONTAINER_KUBELET = "kubelet";
    public static final String SYSTEM_CONTAINER_RUNTIME = "runtime";
    public static final String SYSTEM_CONTAINER_MISC = "misc";
    public static final String SYSTEM_CONTAINER_PODS = "pods";
}
