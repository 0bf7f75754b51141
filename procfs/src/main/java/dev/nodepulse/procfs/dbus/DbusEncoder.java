package dev.nodepulse.procfs.dbus;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Marshals values by signature in little-endian D-Bus wire format. Offsets, and so the padding, count from
 * the first byte written, which must itself sit on an 8-byte boundary of the message (header start, or
 * the body after the padded header).
 *
 * <p>Java types per D-Bus type: y Number, b Boolean, n/q/i/u/h Number, x/t Number (t as the raw 64 bits),
 * d Number, s String, o {@link ObjectPath} or String, g String, v {@link Variant}, a List (a{..} a Map),
 * (..) List.
 */
public final class DbusEncoder {

    private ByteBuffer buf = ByteBuffer.allocate(128).order(ByteOrder.LITTLE_ENDIAN);

    /** The values marshalled one after another, one per complete type of the signature. */
    public static byte[] encode(String signature, List<?> values) throws DbusProtocolException {
        List<String> types = Signatures.split(signature);
        if (types.size() != values.size()) {
            throw new DbusProtocolException("signature " + signature + " has " + types.size()
                    + " types but " + values.size() + " values were given");
        }
        DbusEncoder e = new DbusEncoder();
        for (int i = 0; i < types.size(); i++) {
            e.write(types.get(i), values.get(i));
        }
        return e.toByteArray();
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf.array(), buf.position());
    }

    public int position() {
        return buf.position();
    }

    /** Zero bytes up to the next multiple of {@code alignment}. */
    public void pad(int alignment) {
        int rest = buf.position() % alignment;
        if (rest != 0) {
            ensure(alignment - rest);
            for (int i = rest; i < alignment; i++) {
                buf.put((byte) 0);
            }
        }
    }

    /** Writes one value of one complete type. */
    public void write(String type, Object value) throws DbusProtocolException {
        try {
            writeChecked(type, value);
        } catch (ClassCastException | NullPointerException e) {
            throw new DbusProtocolException("value " + value + " does not fit type " + type);
        }
    }

    private void writeChecked(String type, Object value) throws DbusProtocolException {
        char c = type.charAt(0);
        pad(Signatures.alignment(c));
        switch (c) {
            case 'y' -> put(1).put(((Number) value).byteValue());
            case 'b' -> put(4).putInt((Boolean) value ? 1 : 0);
            case 'n', 'q' -> put(2).putShort(((Number) value).shortValue());
            case 'i', 'u', 'h' -> put(4).putInt(((Number) value).intValue());
            case 'x', 't' -> put(8).putLong(((Number) value).longValue());
            case 'd' -> put(8).putDouble(((Number) value).doubleValue());
            case 's' -> writeString((String) value);
            case 'o' -> writeString(value instanceof ObjectPath p ? p.path() : (String) value);
            case 'g' -> writeSignature((String) value);
            case 'v' -> {
                Variant v = (Variant) value;
                if (Signatures.split(v.signature()).size() != 1) {
                    throw new DbusProtocolException("variant signature must be one complete type: " + v.signature());
                }
                writeSignature(v.signature());
                write(v.signature(), v.value());
            }
            case 'a' -> writeArray(type.substring(1), value);
            case '(' -> {
                List<String> fields = Signatures.split(type.substring(1, type.length() - 1));
                List<?> values = (List<?>) value;
                if (fields.size() != values.size()) {
                    throw new DbusProtocolException("struct " + type + " given " + values.size() + " fields");
                }
                for (int i = 0; i < fields.size(); i++) {
                    write(fields.get(i), values.get(i));
                }
            }
            default -> throw new DbusProtocolException("unsupported type: " + type);
        }
    }

    private void writeArray(String element, Object value) throws DbusProtocolException {
        int lengthAt = buf.position();
        put(4).putInt(0);
        // The padding to the first element is not part of the array length, even when it is empty.
        pad(Signatures.alignment(element.charAt(0)));
        int start = buf.position();
        if (element.charAt(0) == '{') {
            List<String> kv = Signatures.split(element.substring(1, element.length() - 1));
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                pad(8);
                write(kv.get(0), entry.getKey());
                write(kv.get(1), entry.getValue());
            }
        } else {
            for (Object item : (List<?>) value) {
                write(element, item);
            }
        }
        buf.putInt(lengthAt, buf.position() - start);
    }

    private void writeString(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        put(4 + bytes.length + 1).putInt(bytes.length).put(bytes).put((byte) 0);
    }

    private void writeSignature(String s) throws DbusProtocolException {
        byte[] bytes = s.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length > 255) {
            throw new DbusProtocolException("signature longer than 255 bytes");
        }
        put(1 + bytes.length + 1).put((byte) bytes.length).put(bytes).put((byte) 0);
    }

    private ByteBuffer put(int bytes) {
        ensure(bytes);
        return buf;
    }

    private void ensure(int bytes) {
        if (buf.remaining() < bytes) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(buf.capacity() * 2, buf.position() + bytes))
                    .order(ByteOrder.LITTLE_ENDIAN);
            buf.flip();
            bigger.put(buf);
            buf = bigger;
        }
    }
}
