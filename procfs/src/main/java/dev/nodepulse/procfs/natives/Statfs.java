package dev.nodepulse.procfs.natives;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import java.io.IOException;

/**
 * statfs(2). Layout of struct statfs on 64-bit Linux (x86_64, arm64, ppc64le, riscv64): every field is a
 * long except f_fsid (two ints), so the offsets below hold for all of them: f_type 0, f_bsize 8, f_blocks 16,
 * f_bfree 24, f_bavail 32, f_files 40, f_ffree 48, f_fsid 56, f_namelen 64, f_frsize 72, f_flags 80.
 */
public final class Statfs {

    private static final int SIZE = 120;

    private Statfs() {}

    /** Blocks the calling thread for as long as the kernel does: callers run it under a deadline. */
    public static StatfsResult statfs(String path) throws IOException {
        try (Memory buf = new Memory(SIZE)) {
            buf.clear();
            int rc = LibC.Holder.INSTANCE.statfs(path, buf);
            if (rc != 0) {
                int errno = Native.getLastError();
                throw new IOException(Errno.describe(errno));
            }
            return new StatfsResult(
                    buf.getLong(0), buf.getLong(8), buf.getLong(16), buf.getLong(24), buf.getLong(32),
                    buf.getLong(40), buf.getLong(48), buf.getLong(80), buf.getLong(72));
        }
    }
}
