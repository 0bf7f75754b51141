package dev.nodepulse.procfs.natives;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/** The socket calls a netlink conversation needs; the JDK has no AF_NETLINK sockets. */
interface NetlinkLibC extends Library {

    int socket(int domain, int type, int protocol);

    int setsockopt(int fd, int level, int optname, Pointer optval, int optlen);

    long sendto(int fd, Pointer buf, long len, int flags, Pointer addr, int addrlen);

    long recv(int fd, Pointer buf, long len, int flags);

    int close(int fd);

    /** Loaded on first use, like {@link LibC}. */
    final class Holder {
        static final NetlinkLibC INSTANCE = Native.load("c", NetlinkLibC.class);

        private Holder() {}
    }
}
