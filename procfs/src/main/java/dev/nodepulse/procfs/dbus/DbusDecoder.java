package dev.nodepulse.procfs.dbus;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Unmarshals values by signature from a buffer whose byte order is already set. Offsets, and so the
 * padding, count from index 0 of the buffer, which must sit on an 8-byte boundary of the message.
 *
 * <p>Java types per D-Bus type: y Integer (0..255), b Boolean, n/i/h Integer, q Integer (unsigned), u Long
 * (unsigned), x Long, t Long (the raw 64 bits; read unsigned), d Double, s/g String, o {@link ObjectPath},
 * v {@link Variant}, a List (a{..} an insertion-ordered Map), (..) List.
 */
public final class DbusDecoder {

    /** The specification's limit on one array's length in bytes. */
    static final int MAX_ARRAY_BYTES = 64 * 1024 * 1024;

    private final ByteBuffer buf;

    public DbusDecoder(ByteBuffer buf) {
        this.buf = buf;
    }

    /** All values of a signature, read from the current position. */
    public List<Object> readAll(String signature) throws DbusProtocolException {
        List<Object> values = new ArrayList<>();
        for (String type : Signatures.split(signature)) {
            values.add(read(type));
        }
        return values;
    }

    public int position() {
        return buf.position();
    }

    /** Skips padding up to the next multiple of {@code alignment}; the padding must be zero. */
    public void align(int alignment) throws DbusProtocolException {
        int rest = buf.position() % alignment;
        if (rest == 0) {
            return;
        }
        int pad = alignment - rest;
        if (buf.remaining() < pad) {
            throw new DbusProtocolException("message ends inside padding at offset " + buf.position());
        }
        for (int i = 0; i < pad; i++) {
            if (buf.get() != 0) {
                throw new DbusProtocolException("non-zero padding at offset " + (buf.position() - 1));
            }
        }
    }

    /** Reads one value of one complete type. */
    public Object read(String type) throws DbusProtocolException {
        try {
            return readChecked(type, 0);
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new DbusProtocolException("message ends inside a value of type " + type + " at offset "
                    + buf.position());
        }
    }

    private Object readChecked(String type, int depth) throws DbusProtocolException {
        if (depth > 64) {
            throw new DbusProtocolException("values nested too deeply");
        }
        char c = type.charAt(0);
        align(Signatures.alignment(c));
        return switch (c) {
            case 'y' -> buf.get() & 0xff;
            case 'b' -> {
                int b = buf.getInt();
                if (b != 0 && b != 1) {
                    throw new DbusProtocolException("boolean neither 0 nor 1: " + b);
                }
                yield b == 1;
            }
            case 'n' -> (int) buf.getShort();
            case 'q' -> buf.getShort() & 0xffff;
            case 'i', 'h' -> buf.getInt();
            case 'u' -> buf.getInt() & 0xffffffffL;
            case 'x', 't' -> buf.getLong();
            case 'd' -> buf.getDouble();
            case 's' -> readString();
            case 'o' -> new ObjectPath(readString());
            case 'g' -> readSignature();
            case 'v' -> {
                String signature = readSignature();
                if (Signatures.split(signature).size() != 1) {
                    throw new DbusProtocolException("variant signature is not one complete type: " + signature);
                }
                yield new Variant(signature, readChecked(signature, depth + 1));
            }
            case 'a' -> readArray(type.substring(1), depth);
            case '(' -> {
                List<Object> fields = new ArrayList<>();
                for (String field : Signatures.split(type.substring(1, type.length() - 1))) {
                    fields.add(readChecked(field, depth + 1));
                }
                yield fields;
            }
            default -> throw new DbusProtocolException("unsupported type: " + type);
        };
    }

    private Object readArray(String element, int depth) throws DbusProtocolException {
        long length = buf.getInt() & 0xffffffffL;
        if (length > MAX_ARRAY_BYTES) {
            throw new DbusProtocolException("array of " + length + " bytes exceeds the 64 MiB limit");
        }
        align(Signatures.alignment(element.charAt(0)));
        if (length > buf.remaining()) {
            throw new DbusProtocolException("array of " + length + " bytes runs past the message end");
        }
        int end = buf.position() + (int) length;
        if (element.charAt(0) == '{') {
            List<String> kv = Signatures.split(element.substring(1, element.length() - 1));
            Map<Object, Object> map = new LinkedHashMap<>();
            while (buf.position() < end) {
                align(8);
                Object key = readChecked(kv.get(0), depth + 1);
                map.put(key, readChecked(kv.get(1), depth + 1));
            }
            checkEnd(end);
            return map;
        }
        List<Object> items = new ArrayList<>();
        while (buf.position() < end) {
            items.add(readChecked(element, depth + 1));
        }
        checkEnd(end);
        return items;
    }

    private void checkEnd(int end) throws DbusProtocolException {
        if (buf.position() != end) {
            throw new DbusProtocolException("array elements overrun the array length");
        }
    }

    private String readString() throws DbusProtocolException {
        long length = buf.getInt() & 0xffffffffL;
        if (length + 1 > buf.remaining()) {
            throw new DbusProtocolException("string of " + length + " bytes runs past the message end");
        }
        byte[] bytes = new byte[(int) length];
        buf.get(bytes);
        if (buf.get() != 0) {
            throw new DbusProtocolException("string not terminated by a nul byte");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private String readSignature() throws DbusProtocolException {
        int length = buf.get() & 0xff;
        if (length + 1 > buf.remaining()) {
            throw new DbusProtocolException("signature runs past the message end");
        }
        byte[] bytes = new byte[length];
        buf.get(bytes);
        if (buf.get() != 0) {
            throw new DbusProtocolException("signature not terminated by a nul byte");
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
