package dev.nodepulse.procfs.netlink;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds netlink payloads byte by byte in host order, the way the kernel lays them out. */
final class Wire {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Wire u8(int v) {
        out.write(v);
        return this;
    }

    Wire u16(int v) {
        return raw(ByteBuffer.allocate(2).order(ByteOrder.nativeOrder()).putShort((short) v).array());
    }

    Wire u32(long v) {
        return raw(ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt((int) v).array());
    }

    Wire u64(long v) {
        return raw(ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putLong(v).array());
    }

    Wire raw(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    Wire zeros(int n) {
        return raw(new byte[n]);
    }

    /** An nlattr: length, type, value, padding to 4. */
    Wire attr(int type, byte[] value) {
        u16(4 + value.length).u16(type).raw(value);
        for (int i = 4 + value.length; i % 4 != 0; i++) {
            out.write(0);
        }
        return this;
    }

    Wire attr(int type, Wire value) {
        return attr(type, value.bytes());
    }

    static byte[] u32Bytes(long v) {
        return new Wire().u32(v).bytes();
    }

    static byte[] cstring(String s) {
        return (s + "\0").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static byte[] ip(int... octets) {
        byte[] b = new byte[octets.length];
        for (int i = 0; i < octets.length; i++) {
            b[i] = (byte) octets[i];
        }
        return b;
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
