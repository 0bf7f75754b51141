package dev.nodepulse.procfs.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class IpTextTest {

    private static String roundTrip(String s) {
        return IpText.format(IpText.parse(s));
    }

    private static byte[] v6(int... groups) {
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[2 * i] = (byte) (groups[i] >> 8);
            b[2 * i + 1] = (byte) groups[i];
        }
        return b;
    }

    /** As java.net reads the text: its bytes formatted here. */
    private static String fmt(String s) throws Exception {
        return IpText.format(InetAddress.getByName(s).getAddress());
    }

    @Test
    void formatsLikeGo() {
        assertEquals("192.168.0.22", IpText.format(new byte[] {(byte) 192, (byte) 168, 0, 22}));
        assertEquals("2001:db8::1", roundTrip("2001:0db8:0000:0000:0000:0000:0000:0001"));
        assertEquals("::", roundTrip("::"));
        assertEquals("::1", roundTrip("::1"));
        assertEquals("fe80::", roundTrip("fe80::"));
        // a single zero group is not compressed; the first of two equal runs is
        assertEquals("2001:db8:0:1:1:1:1:1", roundTrip("2001:db8:0:1:1:1:1:1"));
        assertEquals("1::1:0:0:1", roundTrip("1:0:0:0:1:0:0:1"));
        assertEquals("10.0.1.5", roundTrip("::ffff:10.0.1.5"));
    }

    @Test
    void formatsRawBytesLikeGo() {
        assertEquals("", IpText.format(null));
        assertEquals("10.0.0.1", IpText.format(new byte[] {10, 0, 0, 1}));
        assertEquals("fe80::fc:ff:fe00:1", IpText.format(v6(0xfe80, 0, 0, 0, 0xfc, 0xff, 0xfe00, 1)));
        assertEquals("::1", IpText.format(v6(0, 0, 0, 0, 0, 0, 0, 1)));
        assertEquals("::", IpText.format(v6(0, 0, 0, 0, 0, 0, 0, 0)));
        assertEquals("2001:db8::1:0:0:1", IpText.format(v6(0x2001, 0xdb8, 0, 0, 1, 0, 0, 1)));
        assertEquals("2001:db8:0:1:1:1:1:1", IpText.format(v6(0x2001, 0xdb8, 0, 1, 1, 1, 1, 1)));
        assertEquals("1.2.3.4", IpText.format(v6(0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304)));
        assertEquals("fd00::/64", IpText.withPrefix(v6(0xfd00, 0, 0, 0, 0, 0, 0, 0), 64));
    }

    @Test
    void formatsJavaAddressesLikeGo() throws Exception {
        assertEquals("10.1.2.3", fmt("10.1.2.3"));
        assertEquals("::", fmt("0:0:0:0:0:0:0:0"));
        assertEquals("::1", fmt("0:0:0:0:0:0:0:1"));
        assertEquals("1::", fmt("1:0:0:0:0:0:0:0"));
        assertEquals("fe80::1", fmt("FE80:0:0:0:0:0:0:1"));
        assertEquals("2001:db8::1:0:0:1", fmt("2001:db8:0:0:1:0:0:1"), "the first of two equal runs");
        assertEquals("2001:db8:0:1:1:1:1:1", fmt("2001:db8:0:1:1:1:1:1"), "a single zero group stays");
        assertEquals("1:0:0:2::3", fmt("1:0:0:2:0:0:0:3"), "the longest run wins");
        assertEquals("10.0.0.1", IpText.format(InetAddress.getByAddress(
                new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, 10, 0, 0, 1}).getAddress()), "v4-mapped prints as IPv4");
    }

    @Test
    void parsesOnlyAddresses() {
        assertArrayEquals(new byte[] {10, 0, 0, 1}, IpText.parse("10.0.0.1"));
        assertNull(IpText.parse("10.0.0"));
        assertNull(IpText.parse("10.0.0.256"));
        assertNull(IpText.parse("1:2:3"));
        assertNull(IpText.parse("1::2::3"));
        assertNull(IpText.parse("12345::"));
        assertNull(IpText.parse("g::1"));
    }
}
