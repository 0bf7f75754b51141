package dev.nodepulse.procfs.dbus;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A minimal D-Bus client connection over a UNIX domain socket: SASL EXTERNAL authentication, optional Hello
 * (on a message bus; not on systemd's private socket, which is a direct peer), and blocking method calls,
 * each bounded by the reply timeout. Signals and replies to other serials are skipped. Not thread-safe.
 */
public final class DbusConnection implements Closeable {

    public static final String BUS_NAME = "org.freedesktop.DBus";

    private final SocketChannel channel;
    private final Selector selector;
    private final Duration timeout;
    private ByteBuffer in = ByteBuffer.allocate(64 * 1024);
    private long serial;
    private String uniqueName;

    private DbusConnection(SocketChannel channel, Selector selector, Duration timeout) {
        this.channel = channel;
        this.selector = selector;
        this.timeout = timeout;
    }

    /**
     * Connects to the socket and authenticates as this process's user; with {@code hello} also registers
     * on the bus, as a bus requires before it routes any call.
     */
    public static DbusConnection open(Path socket, boolean hello, Duration timeout) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        Selector selector = null;
        try {
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
            } catch (IOException e) {
                throw new IOException("dial unix " + socket + ": " + e.getMessage(), e);
            }
            channel.configureBlocking(false);
            selector = Selector.open();
            DbusConnection c = new DbusConnection(channel, selector, timeout);
            c.authenticate(currentUid());
            if (hello) {
                c.uniqueName = (String) c.call(BUS_NAME, "/org/freedesktop/DBus", BUS_NAME, "Hello", "").get(0);
            }
            return c;
        } catch (IOException | RuntimeException e) {
            channel.close();
            if (selector != null) {
                selector.close();
            }
            throw e;
        }
    }

    /** The name the bus gave this connection in its Hello reply; null on a direct connection. */
    public String uniqueName() {
        return uniqueName;
    }

    /** This process's effective uid: the owner of its own /proc/self (of this container, not the host). */
    static long currentUid() throws IOException {
        return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
    }

    /** What EXTERNAL authentication sends: the uid in decimal ASCII, hex-encoded. */
    static String authExternal(long uid) {
        return "AUTH EXTERNAL " + HexFormat.of().formatHex(Long.toString(uid).getBytes(StandardCharsets.US_ASCII));
    }

    private void authenticate(long uid) throws IOException {
        long deadline = deadline();
        // The nul byte carries the credentials the server checks EXTERNAL against (SO_PEERCRED on Linux).
        writeAll(("\0" + authExternal(uid) + "\r\n").getBytes(StandardCharsets.US_ASCII), deadline);
        String answer = readLine(deadline);
        if (!answer.startsWith("OK ")) {
            throw new IOException("D-Bus authentication failed: " + answer);
        }
        writeAll("BEGIN\r\n".getBytes(StandardCharsets.US_ASCII), deadline);
    }

    /**
     * Calls a method and returns the reply's values. An ERROR reply becomes {@link DbusErrorReply}; no reply
     * within the timeout a {@link SocketTimeoutException}; the peer closing the connection an
     * {@link EOFException}.
     */
    public List<Object> call(String destination, String path, String iface, String member, String signature,
                             Object... args) throws IOException {
        long mine = ++serial;
        long deadline = deadline();
        writeAll(DbusMessage.methodCall(mine, destination, path, iface, member, signature, Arrays.asList(args))
                .encode(), deadline);
        while (true) {
            DbusMessage m = readMessage(deadline);
            if (m.replySerial() != mine) {
                continue; // signals (NameAcquired after Hello) and anything not ours
            }
            if (m.type() == DbusMessage.METHOD_RETURN) {
                return m.body();
            }
            if (m.type() == DbusMessage.ERROR) {
                Object text = !m.body().isEmpty() && m.body().get(0) instanceof String s ? s : "";
                throw new DbusErrorReply(m.errorName() == null ? "unknown error" : m.errorName(), (String) text);
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            selector.close();
        } finally {
            channel.close();
        }
    }

    private long deadline() {
        return System.nanoTime() + timeout.toNanos();
    }

    private DbusMessage readMessage(long deadline) throws IOException {
        fill(DbusMessage.FIXED_HEADER, deadline);
        ByteBuffer view = in.duplicate().flip();
        int total = DbusMessage.totalLength(view);
        fill(total, deadline);
        in.flip();
        byte[] bytes = new byte[total];
        in.get(bytes);
        in.compact();
        return DbusMessage.decode(bytes);
    }

    private String readLine(long deadline) throws IOException {
        while (true) {
            int end = lineEnd();
            if (end >= 0) {
                in.flip();
                byte[] line = new byte[end];
                in.get(line);
                in.position(in.position() + 2);
                in.compact();
                return new String(line, StandardCharsets.US_ASCII);
            }
            if (in.position() > 16 * 1024) {
                throw new DbusProtocolException("authentication line too long");
            }
            readSome(deadline);
        }
    }

    private int lineEnd() {
        for (int i = 0; i + 1 < in.position(); i++) {
            if (in.get(i) == '\r' && in.get(i + 1) == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Reads until at least {@code bytes} bytes are buffered. */
    private void fill(int bytes, long deadline) throws IOException {
        if (in.capacity() < bytes) {
            ByteBuffer bigger = ByteBuffer.allocate(bytes);
            in.flip();
            bigger.put(in);
            in = bigger;
        }
        while (in.position() < bytes) {
            readSome(deadline);
        }
    }

    private void readSome(long deadline) throws IOException {
        while (true) {
            int n = channel.read(in);
            if (n < 0) {
                throw new EOFException("D-Bus peer closed the connection");
            }
            if (n > 0) {
                return;
            }
            await(SelectionKey.OP_READ, deadline);
        }
    }

    private void writeAll(byte[] bytes, long deadline) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(bytes);
        while (out.hasRemaining()) {
            if (channel.write(out) == 0) {
                await(SelectionKey.OP_WRITE, deadline);
            }
        }
    }

    private void await(int op, long deadline) throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException("no answer from D-Bus peer within " + timeout.toMillis() + "ms");
        }
        SelectionKey key = channel.register(selector, op);
        try {
            selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        } finally {
            key.interestOps(0);
            selector.selectedKeys().clear();
        }
    }
}
