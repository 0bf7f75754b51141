package dev.nodepulse.procfs.sys.bcache;

import java.util.List;

/**
 * /sys/fs/bcache/&lt;uuid&gt;: a cache set, its backing devices (bdevN) and cache devices (cacheN). Sizes are
 * bytes (the kernel's human-readable "20.4G" decoded as procfs decodes it); {@code btreeReadAverageDuration}
 * is the raw value of internal/btree_read_average_duration_us. Unsigned values are held in longs.
 */
public record BcacheStats(String uuid, long averageKeySize, long btreeCacheSize, long cacheAvailablePercent,
                          long congested, long rootUsagePercent, long treeDepth, long activeJournalEntries,
                          long btreeNodes, long btreeReadAverageDuration, long cacheReadRaces,
                          List<BackingDevice> backingDevices, List<CacheDevice> cacheDevices) {

    /** stats_total of a backing device. */
    public record PeriodStats(long bypassed, long cacheHits, long cacheMisses, long cacheBypassHits,
                              long cacheBypassMisses, long cacheMissCollisions, long cacheReadaheads) {}

    public record BackingDevice(String name, long dirtyData, WritebackRateDebug writebackRateDebug,
                                PeriodStats total) {}

    /** {@code priority} is null unless priority statistics were asked for (reading them is expensive). */
    public record CacheDevice(String name, long ioErrors, long metadataWritten, long written,
                              PriorityStats priority) {}
}
