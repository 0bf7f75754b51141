package dev.nodepulse.procfs.sys.bcache;

/** A cache device's priority_stats: the unused and metadata shares in percent. */
public record PriorityStats(long unusedPercent, long metadataPercent) {}
