package dev.nodepulse.kubelet.stats;

import java.time.Instant;
import java.util.List;

/** A pod's container or a node system container ({@code kubelet}, {@code runtime}, {@code misc}, {@code pods}). */
public record ContainerStats(String name, Instant startTime, CpuStats cpu, MemoryStats memory, IoStats io,
        List<AcceleratorStats> accelerators, FsStats rootfs, FsStats logs, List<UserDefinedMetric> userDefinedMetrics,
        SwapStats swap) {

    /** A container with only what the reduced (only_cpu_and_memory) summary carries. */
    public static ContainerStats cpuAndMemory(String name, Instant startTime, CpuStats cpu, MemoryStats memory,
            SwapStats swap) {
        return new ContainerStats(name, startTime, cpu, memory, null, null, null, null, null, swap);
    }
}
