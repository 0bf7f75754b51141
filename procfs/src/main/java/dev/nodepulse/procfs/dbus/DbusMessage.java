package dev.nodepulse.procfs.dbus;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * One D-Bus message: the fixed header, the header fields this client uses, and the body values. Encoding
 * is always little-endian; decoding follows the endianness byte, as the specification requires.
 */
public record DbusMessage(int type, int flags, long serial, String path, String iface, String member,
                          String errorName, long replySerial, String destination, String sender,
                          String signature, List<Object> body) {

    public static final int METHOD_CALL = 1;
    public static final int METHOD_RETURN = 2;
    public static final int ERROR = 3;
    public static final int SIGNAL = 4;

    /** Header flag: the caller does not want a reply. */
    public static final int NO_REPLY_EXPECTED = 0x1;

    /** Bytes before the header field array's contents: endianness, type, flags, version, two u32, array length. */
    public static final int FIXED_HEADER = 16;

    /** The specification's limit on a whole message. */
    static final int MAX_MESSAGE_BYTES = 128 * 1024 * 1024;

    private static final int FIELD_PATH = 1;
    private static final int FIELD_INTERFACE = 2;
    private static final int FIELD_MEMBER = 3;
    private static final int FIELD_ERROR_NAME = 4;
    private static final int FIELD_REPLY_SERIAL = 5;
    private static final int FIELD_DESTINATION = 6;
    private static final int FIELD_SENDER = 7;
    private static final int FIELD_SIGNATURE = 8;
    private static final int FIELD_UNIX_FDS = 9;

    public DbusMessage {
        signature = signature == null ? "" : signature;
        body = body == null ? List.of() : body;
    }

    public static DbusMessage methodCall(long serial, String destination, String path, String iface, String member,
                                         String signature, List<Object> args) {
        return new DbusMessage(METHOD_CALL, 0, serial, path, iface, member, null, 0, destination, null,
                signature, args);
    }

    public static DbusMessage methodReturn(long serial, long replySerial, String destination, String signature,
                                           List<Object> values) {
        return new DbusMessage(METHOD_RETURN, 0, serial, null, null, null, null, replySerial, destination, null,
                signature, values);
    }

    public static DbusMessage error(long serial, long replySerial, String destination, String errorName,
                                    String message) {
        return new DbusMessage(ERROR, 0, serial, null, null, null, errorName, replySerial, destination, null,
                "s", List.of(message));
    }

    /** The message in wire format. */
    public byte[] encode() throws DbusProtocolException {
        byte[] bodyBytes = DbusEncoder.encode(signature, body);
        List<Object> fields = new ArrayList<>();
        field(fields, FIELD_PATH, "o", path == null ? null : new ObjectPath(path));
        field(fields, FIELD_INTERFACE, "s", iface);
        field(fields, FIELD_MEMBER, "s", member);
        field(fields, FIELD_ERROR_NAME, "s", errorName);
        field(fields, FIELD_REPLY_SERIAL, "u", replySerial == 0 ? null : replySerial);
        field(fields, FIELD_DESTINATION, "s", destination);
        field(fields, FIELD_SENDER, "s", sender);
        field(fields, FIELD_SIGNATURE, "g", signature.isEmpty() ? null : signature);
        DbusEncoder header = new DbusEncoder();
        header.write("y", (int) 'l');
        header.write("y", type);
        header.write("y", flags);
        header.write("y", 1);
        header.write("u", bodyBytes.length);
        header.write("u", serial);
        header.write("a(yv)", fields);
        header.pad(8);
        byte[] head = header.toByteArray();
        byte[] all = new byte[head.length + bodyBytes.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bodyBytes, 0, all, head.length, bodyBytes.length);
        return all;
    }

    private static void field(List<Object> fields, int code, String type, Object value) {
        if (value != null) {
            fields.add(List.of(code, new Variant(type, value)));
        }
    }

    /**
     * The whole message's length, from its first {@link #FIXED_HEADER} bytes: the padded header plus the
     * body.
     */
    public static int totalLength(ByteBuffer first16) throws DbusProtocolException {
        ByteBuffer b = first16.duplicate().order(order(first16.get(0)));
        long body = b.getInt(4) & 0xffffffffL;
        long fields = b.getInt(12) & 0xffffffffL;
        long total = align8(FIXED_HEADER + fields) + body;
        if (total > MAX_MESSAGE_BYTES) {
            throw new DbusProtocolException("message of " + total + " bytes exceeds the 128 MiB limit");
        }
        return (int) total;
    }

    /** Decodes one complete message (exactly {@link #totalLength} bytes). */
    @SuppressWarnings("unchecked")
    public static DbusMessage decode(byte[] bytes) throws DbusProtocolException {
        if (bytes.length < FIXED_HEADER) {
            throw new DbusProtocolException("message shorter than its fixed header");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(order(bytes[0]));
        DbusDecoder d = new DbusDecoder(buf);
        d.read("y");
        int type = (Integer) d.read("y");
        int flags = (Integer) d.read("y");
        int version = (Integer) d.read("y");
        if (version != 1) {
            throw new DbusProtocolException("unsupported D-Bus protocol version " + version);
        }
        long bodyLength = (Long) d.read("u");
        long serial = (Long) d.read("u");
        String path = null;
        String iface = null;
        String member = null;
        String errorName = null;
        long replySerial = 0;
        String destination = null;
        String sender = null;
        String signature = "";
        for (Object f : (List<Object>) d.read("a(yv)")) {
            List<Object> field = (List<Object>) f;
            Variant v = (Variant) field.get(1);
            int code = (Integer) field.get(0);
            String expected = switch (code) {
                case FIELD_PATH -> "o";
                case FIELD_INTERFACE, FIELD_MEMBER, FIELD_ERROR_NAME, FIELD_DESTINATION, FIELD_SENDER -> "s";
                case FIELD_REPLY_SERIAL, FIELD_UNIX_FDS -> "u";
                case FIELD_SIGNATURE -> "g";
                default -> null; // unknown fields must be ignored
            };
            if (expected == null) {
                continue;
            }
            if (!expected.equals(v.signature())) {
                throw new DbusProtocolException("header field " + code + " has type " + v.signature());
            }
            switch (code) {
                case FIELD_PATH -> path = ((ObjectPath) v.value()).path();
                case FIELD_INTERFACE -> iface = (String) v.value();
                case FIELD_MEMBER -> member = (String) v.value();
                case FIELD_ERROR_NAME -> errorName = (String) v.value();
                case FIELD_REPLY_SERIAL -> replySerial = (Long) v.value();
                case FIELD_DESTINATION -> destination = (String) v.value();
                case FIELD_SENDER -> sender = (String) v.value();
                case FIELD_SIGNATURE -> signature = (String) v.value();
                default -> { }
            }
        }
        d.align(8);
        int bodyStart = d.position();
        if (bytes.length - bodyStart != bodyLength) {
            throw new DbusProtocolException("body length " + bodyLength + " does not match the "
                    + (bytes.length - bodyStart) + " bytes after the header");
        }
        ByteBuffer bodyBuf = ByteBuffer.wrap(bytes, bodyStart, (int) bodyLength).slice().order(buf.order());
        DbusDecoder bodyDecoder = new DbusDecoder(bodyBuf);
        List<Object> body = bodyDecoder.readAll(signature);
        if (bodyBuf.hasRemaining()) {
            throw new DbusProtocolException(bodyBuf.remaining() + " bytes left after the body's values");
        }
        return new DbusMessage(type, flags, serial, path, iface, member, errorName, replySerial, destination,
                sender, signature, body);
    }

    private static ByteOrder order(byte endianness) throws DbusProtocolException {
        return switch (endianness) {
            case 'l' -> ByteOrder.LITTLE_ENDIAN;
            case 'B' -> ByteOrder.BIG_ENDIAN;
            default -> throw new DbusProtocolException("bad endianness byte " + endianness);
        };
    }

    private static long align8(long n) {
        return (n + 7) & ~7L;
    }
}
