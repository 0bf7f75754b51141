package dev.nodepulse.agent.node;

import dev.nodepulse.procfs.dbus.DbusMessage;
import dev.nodepulse.procfs.dbus.ObjectPath;
import dev.nodepulse.procfs.dbus.Variant;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for systemd behind a UNIX socket, speaking the D-Bus wire protocol: SASL EXTERNAL, Hello (as
 * a bus, followed by a NameAcquired signal like dbus-daemon sends) or none (as systemd's private socket),
 * Manager.ListUnits and Properties.Get. Unit objects are addressed by their escaped object paths, written
 * out literally by the tests. One connection at a time, on a daemon thread.
 */
final class FakeSystemdBus implements AutoCloseable {

    /** How to answer one call. */
    enum Fault { NONE, CLOSE_MID_REPLY, NO_REPLY }

    private static final String PROPS = "org.freedesktop.DBus.Properties";

    private final ServerSocketChannel server;
    private final boolean bus;
    private final Thread thread;
    final List<List<Object>> units = new ArrayList<>();
    /** object path -> "interface.Property" -> value */
    final Map<String, Map<String, Variant>> properties = new HashMap<>();
    /** Members called, in order ("Hello", "ListUnits", "Get ...Manager.Version", ...). */
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<String> authLines = new CopyOnWriteArrayList<>();
    /** Which call (by its name in {@link #calls}) gets the fault. */
    volatile String faultOn = "";
    volatile Fault fault = Fault.NONE;
    /** Replies to the manager's Version with hand-written bytes (see {@link #VERSION_252}) instead of the codec. */
    volatile boolean handWrittenVersion;
    private volatile SocketChannel current;

    FakeSystemdBus(Path socket, boolean bus) throws IOException {
        Files.createDirectories(socket.getParent());
        this.bus = bus;
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        this.thread = new Thread(this::serve, "fake-systemd-bus");
        thread.setDaemon(true);
        thread.start();
    }

    FakeSystemdBus unit(String name, String load, String active, String sub) {
        units.add(List.of(name, name + " description", load, active, sub, "",
                new ObjectPath("/org/freedesktop/systemd1/unit/x"), 0L, "", new ObjectPath("/")));
        return this;
    }

    FakeSystemdBus property(String path, String ifaceProperty, String type, Object value) {
        properties.computeIfAbsent(path, p -> new HashMap<>()).put(ifaceProperty, new Variant(type, value));
        return this;
    }

    FakeSystemdBus manager(String property, String type, Object value) {
        return property("/org/freedesktop/systemd1", "org.freedesktop.systemd1.Manager." + property, type, value);
    }

    private void serve() {
        while (server.isOpen()) {
            try (SocketChannel c = server.accept()) {
                current = c;
                session(c);
            } catch (IOException e) {
                // client went away, or the server was closed
            }
        }
    }

    private void session(SocketChannel c) throws IOException {
        ByteBuffer nul = ByteBuffer.allocate(1);
        readFully(c, nul);
        if (nul.get(0) != 0) {
            return;
        }
        String auth = readLine(c);
        authLines.add(auth);
        if (!auth.startsWith("AUTH EXTERNAL ")) {
            write(c, "REJECTED EXTERNAL\r\n".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        write(c, "OK 0123456789abcdef0123456789abcdef\r\n".getBytes(StandardCharsets.US_ASCII));
        if (!readLine(c).equals("BEGIN")) {
            return;
        }
        long serial = 1000;
        while (true) {
            ByteBuffer head = ByteBuffer.allocate(16);
            readFully(c, head);
            ByteBuffer whole = ByteBuffer.allocate(DbusMessage.totalLength(head.flip()));
            whole.put(head.rewind());
            readFully(c, whole);
            DbusMessage call = DbusMessage.decode(whole.array());
            String name = call.member() + (call.member().equals("Get") ? " " + call.body().get(0) + "." + call.body().get(1) : "");
            calls.add(name);
            byte[] reply = answer(call, ++serial);
            if (name.equals(faultOn) && fault == Fault.NO_REPLY) {
                continue;
            }
            if (name.equals(faultOn) && fault == Fault.CLOSE_MID_REPLY) {
                write(c, java.util.Arrays.copyOf(reply, reply.length / 2));
                return;
            }
            write(c, reply);
            if (call.member().equals("Hello") && bus) {
                write(c, new DbusMessage(DbusMessage.SIGNAL, 0, ++serial, "/org/freedesktop/DBus",
                        "org.freedesktop.DBus", "NameAcquired", null, 0, ":1.42", "org.freedesktop.DBus", "s",
                        List.of(":1.42")).encode());
            }
        }
    }

    /** The method return for serial 2 carrying &lt;"252"&gt;, byte by byte, with serial and reply serial patched. */
    static final String VERSION_252 = "6c020001 0c000000 05000000 0f000000 05017500 02000000 08016700 01760000"
            + "01730000 03000000 32353200";

    private byte[] answer(DbusMessage call, long serial) throws IOException {
        long to = call.serial();
        String member = call.member();
        if (member.equals("Hello")) {
            if (!bus) {
                return DbusMessage.error(serial, to, null, "org.freedesktop.DBus.Error.UnknownMethod", "no Hello here").encode();
            }
            return DbusMessage.methodReturn(serial, to, ":1.42", "s", List.of(":1.42")).encode();
        }
        if (!"org.freedesktop.systemd1".equals(call.destination())) {
            return DbusMessage.error(serial, to, null, "org.freedesktop.DBus.Error.ServiceUnknown", "wrong destination").encode();
        }
        if (member.equals("ListUnits") && "org.freedesktop.systemd1.Manager".equals(call.iface())) {
            return DbusMessage.methodReturn(serial, to, null, "a(ssssssouso)", List.of(units)).encode();
        }
        if (member.equals("Get") && PROPS.equals(call.iface()) && call.signature().equals("ss")) {
            String key = call.body().get(0) + "." + call.body().get(1);
            if (handWrittenVersion && key.equals("org.freedesktop.systemd1.Manager.Version")) {
                ByteBuffer b = ByteBuffer.wrap(HexFormat.of().parseHex(VERSION_252.replace(" ", "")))
                        .order(ByteOrder.LITTLE_ENDIAN);
                b.putInt(8, (int) serial);
                b.putInt(20, (int) to);
                return b.array();
            }
            Variant v = properties.getOrDefault(call.path(), Map.of()).get(key);
            if (v == null) {
                return DbusMessage.error(serial, to, null, "org.freedesktop.DBus.Error.UnknownProperty",
                        "Unknown property or interface.").encode();
            }
            return DbusMessage.methodReturn(serial, to, null, "v", List.of(v)).encode();
        }
        return DbusMessage.error(serial, to, null, "org.freedesktop.DBus.Error.UnknownMethod", "unknown " + member).encode();
    }

    private static void readFully(SocketChannel c, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (c.read(b) < 0) {
                throw new IOException("closed");
            }
        }
    }

    private static String readLine(SocketChannel c) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        ByteBuffer one = ByteBuffer.allocate(1);
        while (true) {
            one.clear();
            readFully(c, one);
            line.write(one.get(0));
            byte[] b = line.toByteArray();
            if (b.length >= 2 && b[b.length - 2] == '\r' && b[b.length - 1] == '\n') {
                return new String(b, 0, b.length - 2, StandardCharsets.US_ASCII);
            }
        }
    }

    private static void write(SocketChannel c, byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            c.write(b);
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
        SocketChannel c = current;
        if (c != null) {
            c.close();
        }
        thread.join(5000);
    }
}
