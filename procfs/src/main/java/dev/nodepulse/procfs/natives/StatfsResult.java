package dev.nodepulse.procfs.natives;

/** statfs(2) for one path, the numbers node_exporter's filesystem collector publishes. */
public record StatfsResult(long type, long blockSize, long blocks, long blocksFree, long blocksAvailable,
                           long files, long filesFree, long flags) {

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
