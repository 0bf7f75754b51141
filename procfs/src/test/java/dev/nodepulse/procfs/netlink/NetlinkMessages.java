package dev.nodepulse.procfs.netlink;

import dev.nodepulse.procfs.natives.NetlinkSocket;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** Builds rtnetlink reply messages byte by byte in the kernel's layout, for parser tests. */
final class NetlinkMessages {

    private final List<NetlinkSocket.Message> out = new ArrayList<>();

    /** Appends one message (as the socket returns it, after the nlmsghdr): family header + attributes. */
    NetlinkMessages message(int type, byte[] familyHeader, byte[]... attributes) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(familyHeader);
        for (byte[] a : attributes) {
            body.writeBytes(a);
        }
        out.add(new NetlinkSocket.Message(type, NetlinkSocket.NLM_F_MULTI, body.toByteArray()));
        return this;
    }

    List<NetlinkSocket.Message> messages() {
        return List.copyOf(out);
    }

    static byte[] ifinfomsg(int arphrd, int index, int flags) {
        return le(16).put((byte) 0).put((byte) 0).putShort((short) arphrd).putInt(index).putInt(flags).putInt(0).array();
    }

    static byte[] ifaddrmsg(int family, int prefix, int index) {
        return le(8).put((byte) family).put((byte) prefix).put((byte) 0).put((byte) 0).putInt(index).array();
    }

    static byte[] attr(int type, byte[] value) {
        int len = 4 + value.length;
        ByteBuffer b = le((len + 3) & ~3);
        b.putShort((short) len).putShort((short) type).put(value);
        return b.array();
    }

    static byte[] string(int type, String s) {
        byte[] v = (s + "\0").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return attr(type, v);
    }

    static byte[] u32(int type, long v) {
        return attr(type, le(4).putInt((int) v).array());
    }

    static byte[] u8(int type, int v) {
        return attr(type, new byte[] {(byte) v});
    }

    /** IFLA_STATS64 with counter i holding base + i, in {@code size} bytes (184, 192 or 200). */
    static byte[] stats64(long base, int size) {
        ByteBuffer b = le(size);
        for (int i = 0; i < size / 8; i++) {
            b.putLong(base + i);
        }
        return attr(23, b.array());
    }

    /** IFLA_STATS (32-bit) with counter i holding base + i. */
    static byte[] stats32(long base, int size) {
        ByteBuffer b = le(size);
        for (int i = 0; i < size / 4; i++) {
            b.putInt((int) (base + i));
        }
        return attr(7, b.array());
    }

    static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.nativeOrder());
    }
}
