package dev.nodepulse.procfs.natives;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/** socket/ioctl/close for SIOCETHTOOL; kept apart from {@link LibC} so only the ethtool collector loads it. */
interface EthtoolLibC extends Library {

    int socket(int domain, int type, int protocol);

    int ioctl(int fd, NativeLong request, Pointer arg);

    int close(int fd);

    final class Holder {
        static final EthtoolLibC INSTANCE = Native.load("c", EthtoolLibC.class);

        private Holder() {}
    }
}
