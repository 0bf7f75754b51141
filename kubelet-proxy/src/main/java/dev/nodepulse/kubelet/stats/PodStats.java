package dev.nodepulse.kubelet.stats;

import java.time.Instant;
import java.util.List;

/**
 * One pod. JSON keys to note: the volume list is {@code volume} (singular), ephemeral storage is
 * {@code ephemeral-storage} and process stats {@code process_stats}. {@code containers} is always written
 * ({@code null} when unset); the other lists are omitted when empty.
 */
public record PodStats(PodReference podRef, Instant startTime, List<ContainerStats> containers, CpuStats cpu,
        MemoryStats memory, IoStats io, NetworkStats network, List<VolumeStats> volume, FsStats ephemeralStorage,
        ProcessStats processStats, SwapStats swap) {}
