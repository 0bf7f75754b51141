package dev.nodepulse.agent.stats;

import dev.nodepulse.procfs.natives.StatfsResult;
import java.time.Instant;

/**
 * One filesystem as statfs(2) gave it at {@code time}, in cAdvisor's units (fragment size): capacity = f_blocks,
 * free = f_bfree, available = f_bavail (what unprivileged users may still write), inodes = f_files,
 * inodesFree = f_ffree.
 */
public record FsUsage(Instant time, long capacityBytes, long freeBytes, long availableBytes, long inodes,
                      long inodesFree) {

    public static FsUsage of(StatfsResult r, Instant time) {
        long unit = r.fragmentSize() > 0 ? r.fragmentSize() : r.blockSize();
        return new FsUsage(time, r.blocks() * unit, r.blocksFree() * unit, r.blocksAvailable() * unit, r.files(),
                r.filesFree());
    }

    /** Bytes in use on the whole filesystem: capacity - free, as cAdvisor's root filesystem usage. */
    public long usedBytes() {
        return capacityBytes - freeBytes;
    }

    public long inodesUsed() {
        return inodes - inodesFree;
    }
}
