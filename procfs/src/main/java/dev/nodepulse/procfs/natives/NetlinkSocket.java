package dev.nodepulse.procfs.natives;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import dev.nodepulse.procfs.ParseException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A netlink socket for request/dump conversations with the kernel (rtnetlink, sock_diag, generic
 * netlink), the interfaces node_exporter's qdisc, tcpstat, network_route and wifi collectors use. One
 * request at a time; replies are returned as raw message payloads for the pure parsers in
 * {@code dev.nodepulse.procfs.netlink}. A receive timeout bounds every read, so a kernel that never
 * answers costs a scrape an error, not a hung thread.
 */
public final class NetlinkSocket implements AutoCloseable {

    public static final int NETLINK_ROUTE = 0;
    public static final int NETLINK_SOCK_DIAG = 4;
    public static final int NETLINK_GENERIC = 16;

    public static final int NLM_F_REQUEST = 0x1;
    public static final int NLM_F_MULTI = 0x2;
    public static final int NLM_F_ACK = 0x4;
    public static final int NLM_F_DUMP = 0x300;

    static final int NLMSG_ERROR = 2;
    static final int NLMSG_DONE = 3;
    static final int HEADER = 16;

    private static final int AF_NETLINK = 16;
    private static final int SOCK_RAW = 3;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int SOL_SOCKET = 1;
    private static final int SO_RCVTIMEO = 20;
    private static final int SO_RCVBUF = 8;
    private static final int MSG_TRUNC = 0x20;
    private static final int EINTR = 4;
    /** The kernel sends dump datagrams of at most 32 KiB; twice that leaves room. */
    private static final int BUFFER = 64 * 1024;

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() & 0x7fff_ffff));

    /** One reply message: its netlink type and flags, and the payload after the 16-byte header. */
    public record Message(int type, int flags, byte[] payload) {}

    private final int fd;
    private final Memory buffer = new Memory(BUFFER);

    private NetlinkSocket(int fd) {
        this.fd = fd;
    }

    /** Opens a socket of the protocol (NETLINK_ROUTE, ...); reads time out after {@code timeoutMillis}. */
    public static NetlinkSocket open(int protocol, int timeoutMillis) throws IOException {
        NetlinkLibC c = NetlinkLibC.Holder.INSTANCE;
        int fd = c.socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, protocol);
        if (fd < 0) {
            throw new IOException("netlink socket: " + Errno.describe(Native.getLastError()));
        }
        NetlinkSocket s = new NetlinkSocket(fd);
        try (Memory tv = new Memory(16)) {
            tv.setLong(0, timeoutMillis / 1000);
            tv.setLong(8, (timeoutMillis % 1000) * 1000L);
            if (c.setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, tv, 16) != 0) {
                int errno = Native.getLastError();
                s.close();
                throw new IOException("netlink SO_RCVTIMEO: " + Errno.describe(errno));
            }
        }
        try (Memory size = new Memory(4)) {
            // Best effort: a larger queue keeps big dumps from overrunning; the default works too.
            size.setInt(0, 1 << 20);
            c.setsockopt(fd, SOL_SOCKET, SO_RCVBUF, size, 4);
        }
        return s;
    }

    /**
     * Sends one request and collects the replies up to NLMSG_DONE (for dumps) or the single answer (or
     * ACK). A NLMSG_ERROR with a non-zero code becomes a {@link NetlinkException} carrying the errno.
     */
    public List<Message> request(int type, int flags, byte[] payload) throws IOException {
        int seq = SEQUENCE.incrementAndGet();
        byte[] msg = encode(type, flags, seq, payload);
        NetlinkLibC c = NetlinkLibC.Holder.INSTANCE;
        try (Memory out = new Memory(msg.length)) {
            out.write(0, msg, 0, msg.length);
            long sent = c.sendto(fd, out, msg.length, 0, null, 0);
            if (sent < 0) {
                throw new IOException("netlink send: " + Errno.describe(Native.getLastError()));
            }
        }
        boolean dump = (flags & NLM_F_DUMP) == NLM_F_DUMP;
        List<Message> replies = new ArrayList<>();
        while (true) {
            // MSG_TRUNC makes recv return the datagram's real length, so a truncated one is detected.
            long n = c.recv(fd, buffer, BUFFER, MSG_TRUNC);
            if (n < 0) {
                int errno = Native.getLastError();
                if (errno == EINTR) {
                    continue;
                }
                throw new IOException("netlink receive: " + (errno == 11 ? "timed out" : Errno.describe(errno)));
            }
            if (n > BUFFER) {
                throw new IOException("netlink receive: a " + n + "-byte message does not fit the buffer");
            }
            byte[] data = buffer.getByteArray(0, (int) n);
            boolean finished = decode(data, seq, dump, replies);
            if (finished) {
                return replies;
            }
        }
    }

    /** The request bytes: nlmsghdr (length, type, flags, seq, port 0 = kernel) and the payload. */
    static byte[] encode(int type, int flags, int seq, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(HEADER + payload.length).order(ByteOrder.nativeOrder());
        b.putInt(HEADER + payload.length).putShort((short) type).putShort((short) flags).putInt(seq).putInt(0);
        b.put(payload);
        return b.array();
    }

    /**
     * Adds the messages of one datagram that answer {@code seq} to {@code out}; true when the conversation
     * is over (NLMSG_DONE, an error or ACK, or the single reply of a non-dump request).
     */
    static boolean decode(byte[] data, int seq, boolean dump, List<Message> out) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.nativeOrder());
        int off = 0;
        while (off + HEADER <= data.length) {
            int len = b.getInt(off);
            int type = Short.toUnsignedInt(b.getShort(off + 4));
            int flags = Short.toUnsignedInt(b.getShort(off + 6));
            int mseq = b.getInt(off + 8);
            if (len < HEADER || off + len > data.length) {
                throw new ParseException("netlink: truncated message (length " + len + ")");
            }
            byte[] payload = new byte[len - HEADER];
            System.arraycopy(data, off + HEADER, payload, 0, payload.length);
            off += align(len);
            if (mseq != seq) {
                continue; // a late answer to an earlier, timed-out request
            }
            if (type == NLMSG_DONE) {
                if (payload.length >= 4) {
                    int err = ByteBuffer.wrap(payload).order(ByteOrder.nativeOrder()).getInt(0);
                    if (err < 0) {
                        throw new NetlinkException(-err);
                    }
                }
                return true;
            }
            if (type == NLMSG_ERROR) {
                int err = payload.length >= 4 ? ByteBuffer.wrap(payload).order(ByteOrder.nativeOrder()).getInt(0) : 0;
                if (err != 0) {
                    throw new NetlinkException(-err);
                }
                return true;
            }
            out.add(new Message(type, flags, payload));
            if (!dump && (flags & NLM_F_MULTI) == 0) {
                return true;
            }
        }
        return false;
    }

    static int align(int len) {
        return (len + 3) & ~3;
    }

    @Override
    public void close() {
        NetlinkLibC.Holder.INSTANCE.close(fd);
        buffer.close();
    }

    /** The kernel refused a request; {@code errno} says why (ENOENT for an unknown generic family, ...). */
    public static final class NetlinkException extends IOException {
        private final int errno;

        public NetlinkException(int errno) {
            super("netlink: " + Errno.describe(errno));
            this.errno = errno;
        }

        public int errno() {
            return errno;
        }
    }
}
