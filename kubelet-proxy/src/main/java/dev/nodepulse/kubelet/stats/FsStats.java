package dev.nodepulse.kubelet.stats;

import java.time.Instant;

/**
 * A filesystem as seen by one object: capacity, available and inodes describe the filesystem, {@code usedBytes}
 * and {@code inodesUsed} the object itself. Null fields are unknown.
 */
public record FsStats(Instant time, Long availableBytes, Long capacityBytes, Long usedBytes, Long inodesFree,
        Long inodes, Long inodesUsed) {}
