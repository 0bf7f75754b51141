package dev.nodepulse.procfs.proc;

import java.util.List;

/**
 * One md device of /proc/mdstat. {@code activityState} is the state word of the device line ("active",
 * "inactive", ...) or, while a sync runs, "recovering", "reshaping", "checking" or "resyncing".
 * Block counts are 1 KiB blocks; {@code blocksSynced} equals {@code blocksTotal} when no sync runs.
 */
public record MdStat(String name, String type, String activityState, long disksActive, long disksFailed,
                     long disksDown, long disksSpare, long disksTotal, long blocksTotal, long blocksSynced,
                     long blocksToBeSynced, double syncedPercent, double finishMinutes, double speedKiBPerSecond,
                     List<Component> components) {

    /** A member device as listed on the device line: "sdb1[1](F)". */
    public record Component(String name, int descriptorIndex, boolean faulty, boolean spare) {}
}
