package dev.nodepulse.procfs.dbus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The codec against byte sequences worked out by hand from the D-Bus specification's marshalling rules
 * (little-endian; every value padded with zeros to its type's alignment, counted from the start; array
 * length in bytes excluding the padding before the first element; struct and dict entry on 8).
 */
class DbusCodecTest {

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", "").replace("|", ""));
    }

    private static List<Object> decode(String signature, byte[] bytes) throws DbusProtocolException {
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<Object> values = new DbusDecoder(buf).readAll(signature);
        assertEquals(0, buf.remaining(), "bytes left over");
        return values;
    }

    @Test
    void basicTypesArePaddedToTheirSize() throws Exception {
        // y at 0, u padded to 4
        byte[] yu = hex("05 000000 78563412");
        assertArrayEquals(yu, DbusEncoder.encode("yu", List.of(5, 0x12345678L)));
        assertEquals(List.of(5, 0x12345678L), decode("yu", yu));
        // y at 0, t padded to 8: 2^40 + 3
        byte[] yt = hex("01 00000000000000 0300000000010000");
        assertArrayEquals(yt, DbusEncoder.encode("yt", List.of(1, (1L << 40) + 3)));
        assertEquals(List.of(1, (1L << 40) + 3), decode("yt", yt));
        // b is four bytes; u with the top bit set reads unsigned
        byte[] bu = hex("01000000 ffffffff");
        assertEquals(List.of(true, 4294967295L), decode("bu", bu));
        assertArrayEquals(bu, DbusEncoder.encode("bu", List.of(true, 0xffffffffL)));
    }

    @Test
    void stringsCarryLengthAndNul() throws Exception {
        // y, pad to 4, length 2, "ab", nul; then o at 12 (11 padded to 12), length 1, "/", nul
        byte[] b = hex("01 000000 02000000 6162 00 | 00 01000000 2f 00");
        assertArrayEquals(b, DbusEncoder.encode("yso", List.of(1, "ab", new ObjectPath("/"))));
        assertEquals(List.of(1, "ab", new ObjectPath("/")), decode("yso", b));
        // a signature is one length byte, the text and a nul, with no alignment
        byte[] g = hex("04 28737329 00");
        assertEquals(List.of("(ss)"), decode("g", g));
        assertArrayEquals(g, DbusEncoder.encode("g", List.of("(ss)")));
    }

    @Test
    void arrayOfStructsPadsEachStructToEight() throws Exception {
        byte[] b = hex("1b000000 00000000"          // length 27, pad to the first struct at 8
                + "01000000 01000000 61 00"        // (1, "a") ends at 18
                + "000000000000"                   // pad to 24
                + "02000000 02000000 6263 00");    // (2, "bc") ends at 35 = 8 + 27
        List<Object> value = List.of(List.of(List.of(1L, "a"), List.of(2L, "bc")));
        assertArrayEquals(b, DbusEncoder.encode("a(us)", value));
        assertEquals(value, decode("a(us)", b));
    }

    @Test
    void emptyArrayStillPadsToItsElementAlignment() throws Exception {
        byte[] b = hex("00000000 00000000");
        assertArrayEquals(b, DbusEncoder.encode("at", List.of(List.of())));
        assertEquals(List.of(List.of()), decode("at", b));
        // an empty array of u needs no padding
        assertArrayEquals(hex("00000000"), DbusEncoder.encode("au", List.of(List.of())));
    }

    @Test
    void variantHasItsSignatureThenTheAlignedValue() throws Exception {
        byte[] b = hex("01 75 00 | 00 | 07000000");
        assertArrayEquals(b, DbusEncoder.encode("v", List.of(new Variant("u", 7L))));
        assertEquals(List.of(new Variant("u", 7L)), decode("v", b));
        // a t inside a variant pads to 8 from the message start
        byte[] t = hex("01 74 00 | 0000000000 | 2a00000000000000");
        assertEquals(List.of(new Variant("t", 42L)), decode("v", t));
    }

    @Test
    void dictOfStringToVariant() throws Exception {
        byte[] b = hex("28000000 00000000"                       // length 40, pad to 8
                + "03000000 466f6f 00 | 01 73 00 | 00 | 01000000 78 00"   // "Foo": <"x">, ends at 26
                + "000000000000"                                       // pad to 32
                + "03000000 426172 00 | 01 62 00 | 00 | 01000000");    // "Bar": <true>, ends at 48
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put("Foo", new Variant("s", "x"));
        map.put("Bar", new Variant("b", true));
        assertArrayEquals(b, DbusEncoder.encode("a{sv}", List.of(map)));
        assertEquals(List.of(map), decode("a{sv}", b));
    }

    @Test
    void bigEndianValuesFollowTheBufferOrder() throws Exception {
        ByteBuffer buf = ByteBuffer.wrap(hex("12345678 00000002 6869 00")).order(ByteOrder.BIG_ENDIAN);
        assertEquals(List.of(0x12345678L, "hi"), new DbusDecoder(buf).readAll("us"));
    }

    /**
     * A method return for serial 2 whose body is the variant &lt;"252"&gt;, as systemd sends the manager's
     * Version property: fixed header, fields REPLY_SERIAL and SIGNATURE, padding to 8, body.
     */
    static final String VERSION_REPLY =
            "6c 02 00 01 | 0c000000 | 05000000 | 0f000000"   // 'l', return, flags, v1, body 12, serial 5, fields 15
            + "05 01 75 00 | 02000000"                       // REPLY_SERIAL <u 2>
            + "08 01 67 00 | 01 76 00 | 00"                  // SIGNATURE <g "v">, pad the header to 32
            + "01 73 00 | 00 | 03000000 323532 00";          // body <s "252">

    @Test
    void wholeMessageMatchesTheHandWrittenBytes() throws Exception {
        byte[] wire = hex(VERSION_REPLY);
        DbusMessage reply = DbusMessage.methodReturn(5, 2, null, "v", List.of(new Variant("s", "252")));
        assertArrayEquals(wire, reply.encode());
        assertEquals(wire.length, DbusMessage.totalLength(ByteBuffer.wrap(wire, 0, 16)));
        DbusMessage m = DbusMessage.decode(wire);
        assertEquals(DbusMessage.METHOD_RETURN, m.type());
        assertEquals(5, m.serial());
        assertEquals(2, m.replySerial());
        assertEquals("v", m.signature());
        assertEquals(List.of(new Variant("s", "252")), m.body());
    }

    @Test
    void methodCallRoundTrips() throws Exception {
        DbusMessage call = DbusMessage.methodCall(7, "org.freedesktop.systemd1", "/org/freedesktop/systemd1/unit/ssh_2eservice",
                "org.freedesktop.DBus.Properties", "Get", "ss", List.of("org.freedesktop.systemd1.Service", "Type"));
        byte[] wire = call.encode();
        assertEquals('l', wire[0]);
        assertEquals(call, DbusMessage.decode(wire));
    }

    @Test
    void malformedInputIsRejected() {
        // string length runs past the end
        assertThrows(DbusProtocolException.class, () -> decode("s", hex("05000000 6162 00")));
        // padding that is not zero
        assertThrows(DbusProtocolException.class, () -> decode("yu", hex("01 000100 07000000")));
        // a boolean must be 0 or 1
        assertThrows(DbusProtocolException.class, () -> decode("b", hex("02000000")));
        // string without its nul
        assertThrows(DbusProtocolException.class, () -> decode("s", hex("02000000 616263")));
        // array length beyond the data
        assertThrows(DbusProtocolException.class, () -> decode("au", hex("10000000 01000000")));
        // truncated fixed-size value
        assertThrows(DbusProtocolException.class, () -> decode("t", hex("0100")));
        // unsupported and malformed signatures
        assertThrows(DbusProtocolException.class, () -> Signatures.split("a{vs}"));
        assertThrows(DbusProtocolException.class, () -> Signatures.split("(su"));
        assertThrows(DbusProtocolException.class, () -> Signatures.split("z"));
        // a message that is not protocol version 1, or has a bad endianness byte
        byte[] wire = hex(VERSION_REPLY);
        wire[3] = 2;
        assertThrows(DbusProtocolException.class, () -> DbusMessage.decode(wire));
        byte[] wire2 = hex(VERSION_REPLY);
        wire2[0] = 'x';
        assertThrows(DbusProtocolException.class, () -> DbusMessage.decode(wire2));
        // body shorter than the header claims
        byte[] wire3 = hex(VERSION_REPLY);
        assertThrows(DbusProtocolException.class,
                () -> DbusMessage.decode(java.util.Arrays.copyOf(wire3, wire3.length - 1)));
    }

    @Test
    void signaturesSplitIntoCompleteTypes() throws Exception {
        assertEquals(List.of("a(ssssssouso)"), Signatures.split("a(ssssssouso)"));
        assertEquals(List.of("a{sv}", "u", "(ya{s(ii)})", "v"), Signatures.split("a{sv}u(ya{s(ii)})v"));
    }

    @Test
    void unitPathsEscapeLikeSystemd() {
        assertEquals("/org/freedesktop/systemd1/unit/ssh_2eservice", SystemdBus.unitPath("ssh.service"));
        assertEquals("/org/freedesktop/systemd1/unit/_39p_40x_2dy_2eservice", SystemdBus.unitPath("9p@x-y.service"));
        assertEquals("/org/freedesktop/systemd1/unit/dev_2dsda1_2edevice", SystemdBus.unitPath("dev-sda1.device"));
        assertEquals("/org/freedesktop/systemd1/unit/_", SystemdBus.unitPath(""));
    }

    @Test
    void authExternalSendsTheDecimalUidHexEncoded() {
        assertEquals("AUTH EXTERNAL 30", DbusConnection.authExternal(0));
        assertEquals("AUTH EXTERNAL 31303030", DbusConnection.authExternal(1000));
    }
}
