package dev.nodepulse.procfs.natives;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/** syscall(2) for perf_event_open, plus ioctl/read/close on its descriptors; only the perf collector loads it. */
interface PerfLibC extends Library {

    /** glibc's variadic syscall(2); every argument is passed as a full register so no upper bits are left undefined. */
    long syscall(long number, Pointer attr, long pid, long cpu, long groupFd, long flags);

    int ioctl(int fd, NativeLong request, long arg);

    long read(int fd, Pointer buf, long count);

    int close(int fd);

    final class Holder {
        static final PerfLibC INSTANCE = Native.load("c", PerfLibC.class);

        private Holder() {}
    }
}
