package dev.nodepulse.procfs.natives;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/** open/ioctl/close for the btrfs ioctls; kept apart from {@link LibC} so only the btrfs collector loads it. */
interface BtrfsLibC extends Library {

    int open(String path, int flags);

    int ioctl(int fd, NativeLong request, Pointer arg);

    int close(int fd);

    final class Holder {
        static final BtrfsLibC INSTANCE = Native.load("c", BtrfsLibC.class);

        private Holder() {}
    }
}
