package dev.nodepulse.procfs.natives;

/**
 * statfs(2) for one path. node_exporter sizes filesystems in {@code blockSize} (f_bsize) units; cAdvisor, and so
 * the kubelet's Summary API, in {@code fragmentSize} (f_frsize) units. The two differ only on a few filesystems.
 */
public record StatfsResult(long type, long blockSize, long blocks, long blocksFree, long blocksAvailable,
                           long files, long filesFree, long flags, long fragmentSize) {

    /** A result whose fragment size equals its block size (every common Linux filesystem). */
    public StatfsResult(long type, long blockSize, long blocks, long blocksFree, long blocksAvailable, long files,
                        long filesFree, long flags) {
        this(type, blockSize, blocks, blocksFree, blocksAvailable, files, filesFree, flags, blockSize);
    }

    public double sizeBytes() {
        return unsigned(blocks) * unsigned(blockSize);
    }

    public double freeBytes() {
        return unsigned(blocksFree) * unsigned(blockSize);
    }

    public double availBytes() {
        return unsigned(blocksAvailable) * unsigned(blockSize);
    }

    static double unsigned(long v) {
        return dev.nodepulse.procfs.io.Numbers.unsignedToDouble(v);
    }
}
