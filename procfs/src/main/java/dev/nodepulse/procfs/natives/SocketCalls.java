package dev.nodepulse.procfs.natives;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The socket calls a netlink dump needs. size_t and ssize_t are Java longs: like {@link Statfs}, this
 * binding assumes a 64-bit Linux.
 */
interface SocketCalls extends Library {

    int socket(int domain, int type, int protocol);

    int setsockopt(int fd, int level, int optname, Pointer optval, int optlen);

    long send(int fd, byte[] buf, long len, int flags);

    long recv(int fd, Pointer buf, long len, int flags);

    int close(int fd);

    /** Loaded on first use, like {@link LibC.Holder}. */
    final class Holder {
        static final SocketCalls INSTANCE = Native.load("c", SocketCalls.class);

        private Holder() {}
    }
}
