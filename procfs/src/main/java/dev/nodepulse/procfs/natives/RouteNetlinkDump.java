package dev.nodepulse.procfs.natives;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One rtnetlink dump request (RTM_GETLINK, RTM_GETADDR) and its answer, over a NETLINK_ROUTE socket opened
 * for the call. The kernel answers for the network namespace of the calling process: with hostNetwork,
 * the host's. Interpreting the messages is {@code dev.nodepulse.procfs.netlink.RtnetlinkParser}'s job.
 */
public final class RouteNetlinkDump {

    private static final int AF_NETLINK = 16;
    private static final int SOCK_RAW = 3;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int NETLINK_ROUTE = 0;
    private static final int SOL_SOCKET = 1;
    private static final int SO_RCVTIMEO = 20;
    private static final int EINTR = 4;

    private static final int NLMSG_HDRLEN = 16;
    private static final int NLMSG_ERROR = 2;
    private static final int NLMSG_DONE = 3;
    private static final int NLM_F_REQUEST = 0x1;
    private static final int NLM_F_DUMP = 0x300;

    /** A dump reply is cut into chunks the kernel sizes at most 32 KiB; this holds any one of them. */
    private static final int RECEIVE_BUFFER = 64 * 1024;
    /** A dump of the kernel's own tables never blocks long; this only guards against a lost reply. */
    private static final long RECEIVE_TIMEOUT_SECONDS = 5;

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() & 0x7fffffff));

    private RouteNetlinkDump() {}

    /**
     * Sends {@code type} with NLM_F_REQUEST|NLM_F_DUMP and {@code payload} (the family header, e.g. an
     * ifinfomsg), and returns the reply messages up to, not including, NLMSG_DONE, headers included, in
     * native byte order. An NLMSG_ERROR reply is an IOException with the errno's text.
     */
    public static byte[] dump(int type, byte[] payload) throws IOException {
        SocketCalls c = SocketCalls.Holder.INSTANCE;
        int fd = c.socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
        if (fd < 0) {
            throw new IOException("netlink socket: " + Errno.describe(Native.getLastError()));
        }
        try (Memory buf = new Memory(RECEIVE_BUFFER)) {
            setReceiveTimeout(c, fd);
            int seq = SEQUENCE.incrementAndGet();
            byte[] request = request(type, seq, payload);
            long sent = c.send(fd, request, request.length, 0);
            if (sent != request.length) {
                throw new IOException("netlink send: " + (sent < 0 ? Errno.describe(Native.getLastError()) : "short write"));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            while (true) {
                long n = c.recv(fd, buf, RECEIVE_BUFFER, 0);
                if (n < 0) {
                    int errno = Native.getLastError();
                    if (errno == EINTR) {
                        continue;
                    }
                    throw new IOException("netlink receive: " + Errno.describe(errno));
                }
                byte[] chunk = buf.getByteArray(0, (int) n);
                if (collect(chunk, seq, out)) {
                    return out.toByteArray();
                }
            }
        } finally {
            c.close(fd);
        }
    }

    static byte[] request(int type, int seq, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(NLMSG_HDRLEN + payload.length).order(ByteOrder.nativeOrder());
        b.putInt(NLMSG_HDRLEN + payload.length).putShort((short) type).putShort((short) (NLM_F_REQUEST | NLM_F_DUMP))
                .putInt(seq).putInt(0).put(payload);
        return b.array();
    }

    /** Appends the chunk's messages of this request to {@code out}; true once NLMSG_DONE was seen. */
    static boolean collect(byte[] chunk, int seq, ByteArrayOutputStream out) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(chunk).order(ByteOrder.nativeOrder());
        int off = 0;
        while (off + NLMSG_HDRLEN <= chunk.length) {
            int len = b.getInt(off);
            int type = Short.toUnsignedInt(b.getShort(off + 4));
            int msgSeq = b.getInt(off + 8);
            if (len < NLMSG_HDRLEN || off + len > chunk.length) {
                throw new IOException("netlink: malformed message of length " + len);
            }
            if (msgSeq == seq) {
                if (type == NLMSG_DONE) {
                    return true;
                }
                if (type == NLMSG_ERROR) {
                    int err = len >= NLMSG_HDRLEN + 4 ? b.getInt(off + NLMSG_HDRLEN) : 0;
                    if (err != 0) {
                        throw new IOException("netlink: " + Errno.describe(-err));
                    }
                } else {
                    out.write(chunk, off, len);
                }
            }
            off += (len + 3) & ~3;
        }
        return false;
    }

    private static void setReceiveTimeout(SocketCalls c, int fd) {
        try (Memory tv = new Memory(16)) {
            tv.setLong(0, RECEIVE_TIMEOUT_SECONDS);
            tv.setLong(8, 0);
            c.setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, tv, 16);
        }
    }
}
