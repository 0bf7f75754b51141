package dev.nodepulse.procfs.sys.bcachefs;

import java.util.Map;

/**
 * /sys/fs/bcachefs/&lt;uuid&gt;. Byte values are decoded from the kernel's human-readable form ("1.2G");
 * counts are unsigned 64-bit values held in longs. Maps are keyed as the kernel names things (compression
 * algorithm, error type, counter file, btree write type, device index).
 */
public record BcachefsStats(String uuid, long btreeCacheSizeBytes, Map<String, Compression> compression,
                            Map<String, Long> errors, Map<String, Long> countersSinceCreation,
                            Map<String, BtreeWrites> btreeWrites, Map<String, Device> devices) {

    public record Compression(long compressedBytes, long uncompressedBytes, long averageExtentSizeBytes) {}

    public record BtreeWrites(long count, long averageSizeBytes) {}

    /**
     * A member device (dev-N): label, state text, bucket size and count, durability, bytes done per
     * operation ("read", "write") and data type, and IO errors since filesystem creation per type.
     */
    public record Device(String label, String state, long bucketSizeBytes, long buckets, long durability,
                         Map<String, Map<String, Long>> ioDone, Map<String, Long> ioErrors) {}
}
