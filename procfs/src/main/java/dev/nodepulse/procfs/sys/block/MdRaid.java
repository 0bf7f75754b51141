package dev.nodepulse.procfs.sys.block;

/**
 * /sys/block/md*&#47;md: an md array's level, state and, where the level has them, its member count
 * ({@code raidDisks}, null for containers, an empty level or an unreadable count) and degraded-member count
 * (0 for levels without redundancy).
 */
public record MdRaid(String device, String level, String arrayState, String metadataVersion, String uuid,
                     Long raidDisks, long degradedDisks, long chunkSize, String syncAction, double syncCompleted) {}
