package dev.nodepulse.procfs.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class IpTextTest {

    private static String roundTrip(String s) {
        return IpText.format(IpText.parse(s));
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
