package dev.nodepulse.procfs.sys.btrfs;

import java.util.Map;

/**
 * /sys/fs/btrfs/&lt;uuid&gt;: the filesystem's label, its UUID (metadata_uuid when present, else the directory
 * name), the global reserve, per block-group type (data, metadata, system) allocation, device sizes and
 * commit statistics. Byte values are unsigned 64-bit numbers held in longs; unreadable numbers are 0.
 */
public record BtrfsStats(String uuid, String label, long globalRsvSize, Allocation data, Allocation metadata,
                         Allocation system, Map<String, Long> deviceSizeBytes, long commits, long lastCommitMs,
                         long maxCommitMs, long totalCommitMs) {

    /** One block-group type: reserved bytes, and per RAID profile ("single", "raid1", ...) its usage. */
    public record Allocation(long reservedBytes, Map<String, Layout> layouts) {}

    /** {@code ratio} is the raw-to-usable factor of the profile (2 for raid1, n/(n-1) for raid5, ...). */
    public record Layout(long usedBytes, long totalBytes, double ratio) {}
}
