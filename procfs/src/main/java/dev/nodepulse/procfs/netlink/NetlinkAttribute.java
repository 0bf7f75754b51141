package dev.nodepulse.procfs.netlink;

import dev.nodepulse.procfs.ParseException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One netlink attribute (struct nlattr: u16 length, u16 type, then the value padded to 4 bytes). The
 * type has the nested and byte-order flag bits removed. Values are in host byte order.
 */
public record NetlinkAttribute(int type, byte[] data) {

    private static final int TYPE_MASK = 0x3fff;

    /** The attributes packed in {@code b} from {@code from} to {@code to}. Truncated input is an error. */
    public static List<NetlinkAttribute> parse(byte[] b, int from, int to) throws ParseException {
        List<NetlinkAttribute> out = new ArrayList<>();
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.nativeOrder());
        int off = from;
        while (off + 4 <= to) {
            int len = Short.toUnsignedInt(buf.getShort(off));
            int type = Short.toUnsignedInt(buf.getShort(off + 2)) & TYPE_MASK;
            if (len < 4 || off + len > to) {
                throw new ParseException("netlink attribute of length " + len + " at offset " + off + " overruns its message");
            }
            byte[] data = new byte[len - 4];
            System.arraycopy(b, off + 4, data, 0, data.length);
            out.add(new NetlinkAttribute(type, data));
            off += (len + 3) & ~3;
        }
        return out;
    }

    public static List<NetlinkAttribute> parse(byte[] b) throws ParseException {
        return parse(b, 0, b.length);
    }

    public List<NetlinkAttribute> nested() throws ParseException {
        return parse(data);
    }

    public int u8() throws ParseException {
        need(1);
        return Byte.toUnsignedInt(data[0]);
    }

    public int u16() throws ParseException {
        need(2);
        return Short.toUnsignedInt(order().getShort(0));
    }

    /** An unsigned 32-bit value in a long. */
    public long u32() throws ParseException {
        need(4);
        return Integer.toUnsignedLong(order().getInt(0));
    }

    public int s32() throws ParseException {
        need(4);
        return order().getInt(0);
    }

    /** An unsigned 64-bit value in a long's bits. */
    public long u64() throws ParseException {
        need(8);
        return order().getLong(0);
    }

    /** A NUL-terminated string (the terminator and anything after it dropped). */
    public String string() {
        int end = 0;
        while (end < data.length && data[end] != 0) {
            end++;
        }
        return new String(data, 0, end, StandardCharsets.UTF_8);
    }

    private ByteBuffer order() {
        return ByteBuffer.wrap(data).order(ByteOrder.nativeOrder());
    }

    private void need(int n) throws ParseException {
        if (data.length < n) {
            throw new ParseException("netlink attribute " + type + ": " + data.length + " bytes, " + n + " needed");
        }
    }
}
