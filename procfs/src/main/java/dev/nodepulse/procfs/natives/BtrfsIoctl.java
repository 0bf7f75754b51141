package dev.nodepulse.procfs.natives;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The three read-only btrfs ioctls node_exporter uses for per-device statistics: BTRFS_IOC_FS_INFO,
 * BTRFS_IOC_DEV_INFO and BTRFS_IOC_GET_DEV_STATS (none needs privileges when nothing is reset). Like the Go
 * library node_exporter uses, a path is only opened when it is the root of a btrfs subvolume (inode 256 on
 * a filesystem with the btrfs magic). Argument structures are read at the offsets of linux/btrfs.h.
 */
public final class BtrfsIoctl implements AutoCloseable {

    /** The filesystem: highest device id, number of devices, and the 16-byte fsid. */
    public record FsInfo(long maxId, long numDevices, byte[] fsid) {}

    /** One device: its UUID, bytes in use, size, and the path of its block device. */
    public record DevInfo(byte[] uuid, long bytesUsed, long totalBytes, String path) {}

    /** The device id is not in use (ENODEV): a gap left by a removed device. */
    public static final class NoSuchDeviceException extends IOException {
        NoSuchDeviceException(long devid) {
            super("no btrfs device " + devid);
        }
    }

    private static final long BTRFS_SUPER_MAGIC = 0x9123683EL;
    private static final long FIRST_FREE_OBJECTID = 256;
    private static final int O_RDONLY = 0;
    private static final int O_NOATIME = 01000000;
    private static final int O_CLOEXEC = 02000000;
    private static final int ENODEV = 19;

    private static final int FS_INFO_SIZE = 1024;
    private static final int DEV_INFO_SIZE = 4096;
    private static final int DEV_STATS_SIZE = 1032;
    private static final int DEV_STAT_VALUES = 5;

    private static final long IOC_FS_INFO = request(Direction.READ, 31, FS_INFO_SIZE);
    private static final long IOC_DEV_INFO = request(Direction.READ_WRITE, 30, DEV_INFO_SIZE);
    private static final long IOC_GET_DEV_STATS = request(Direction.READ_WRITE, 52, DEV_STATS_SIZE);

    private final int fd;

    private BtrfsIoctl(int fd) {
        this.fd = fd;
    }

    /** Opens a mounted btrfs subvolume root read-only; IOException when the path is not one. */
    public static BtrfsIoctl open(Path path) throws IOException {
        Object ino = Files.getAttribute(path, "unix:ino");
        if (!(ino instanceof Long) || (Long) ino != FIRST_FREE_OBJECTID || !Files.isDirectory(path)) {
            throw new IOException(path + ": not a btrfs subvolume root");
        }
        if ((Statfs.statfs(path.toString()).type() & 0xffffffffL) != BTRFS_SUPER_MAGIC) {
            throw new IOException(path + ": not a btrfs filesystem");
        }
        BtrfsLibC c = BtrfsLibC.Holder.INSTANCE;
        int fd = c.open(path.toString(), O_RDONLY | O_NOATIME | O_CLOEXEC);
        if (fd < 0) {
            // O_NOATIME needs ownership of the directory
            fd = c.open(path.toString(), O_RDONLY | O_CLOEXEC);
        }
        if (fd < 0) {
            throw new IOException("open " + path + ": " + Errno.describe(Native.getLastError()));
        }
        return new BtrfsIoctl(fd);
    }

    public FsInfo fsInfo() throws IOException {
        try (Memory m = new Memory(FS_INFO_SIZE)) {
            m.clear();
            call(IOC_FS_INFO, m, -1);
            return new FsInfo(m.getLong(0), m.getLong(8), m.getByteArray(16, 16));
        }
    }

    public DevInfo devInfo(long devid) throws IOException {
        try (Memory m = new Memory(DEV_INFO_SIZE)) {
            m.clear();
            m.setLong(0, devid);
            call(IOC_DEV_INFO, m, devid);
            byte[] path = m.getByteArray(DEV_INFO_SIZE - 1024, 1024);
            int len = 0;
            while (len < path.length && path[len] != 0) {
                len++;
            }
            return new DevInfo(m.getByteArray(8, 16), m.getLong(24), m.getLong(32),
                    new String(path, 0, len, StandardCharsets.UTF_8));
        }
    }

    /** Write, read, flush, corruption and generation error counts of one device. */
    public long[] devStats(long devid) throws IOException {
        try (Memory m = new Memory(DEV_STATS_SIZE)) {
            m.clear();
            m.setLong(0, devid);
            m.setLong(8, DEV_STAT_VALUES);
            call(IOC_GET_DEV_STATS, m, devid);
            long[] v = new long[DEV_STAT_VALUES];
            for (int i = 0; i < v.length; i++) {
                v[i] = m.getLong(24 + 8L * i);
            }
            return v;
        }
    }

    private void call(long request, Memory arg, long devid) throws IOException {
        if (BtrfsLibC.Holder.INSTANCE.ioctl(fd, new NativeLong(request), arg) != 0) {
            int errno = Native.getLastError();
            if (errno == ENODEV && devid >= 0) {
                throw new NoSuchDeviceException(devid);
            }
            throw new IOException("btrfs ioctl: " + Errno.describe(errno));
        }
    }

    @Override
    public void close() {
        BtrfsLibC.Holder.INSTANCE.close(fd);
    }

    private enum Direction { READ, READ_WRITE }

    /**
     * _IOR/_IOWR: the asm-generic layout (x86, arm, riscv, s390), or the powerpc/mips/sparc one with a
     * three-bit direction field and 13-bit size.
     */
    static long request(Direction dir, int nr, int size) {
        String arch = System.getProperty("os.arch", "");
        boolean alt = arch.startsWith("ppc") || arch.startsWith("mips") || arch.startsWith("sparc");
        long read = 2;
        long write = alt ? 4 : 1;
        long d = dir == Direction.READ ? read : read | write;
        int dirShift = alt ? 29 : 30;
        return (d << dirShift) | ((long) size << 16) | (0x94L << 8) | nr;
    }
}
