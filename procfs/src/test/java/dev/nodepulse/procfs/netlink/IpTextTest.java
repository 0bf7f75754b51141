package dev.nodepulse.procfs.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class IpTextTest {

    private static byte[] v6(int... groups) {
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[2 * i] = (byte) (groups[i] >> 8);
            b[2 * i + 1] = (byte) groups[i];
        }
        return b;
    }

    @Test
    void formatsLikeGo() {
        assertEquals("", IpText.format(null));
        assertEquals("10.0.0.1", IpText.format(Wire.ip(10, 0, 0, 1)));
        assertEquals("fe80::fc:ff:fe00:1", IpText.format(v6(0xfe80, 0, 0, 0, 0xfc, 0xff, 0xfe00, 1)));
        assertEquals("::1", IpText.format(v6(0, 0, 0, 0, 0, 0, 0, 1)));
        assertEquals("::", IpText.format(v6(0, 0, 0, 0, 0, 0, 0, 0)));
        assertEquals("2001:db8::1:0:0:1", IpText.format(v6(0x2001, 0xdb8, 0, 0, 1, 0, 0, 1)));
        assertEquals("2001:db8:0:1:1:1:1:1", IpText.format(v6(0x2001, 0xdb8, 0, 1, 1, 1, 1, 1)));
        assertEquals("1.2.3.4", IpText.format(v6(0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304)));
        assertEquals("fd00::/64", IpText.withPrefix(v6(0xfd00, 0, 0, 0, 0, 0, 0, 0), 64));
    }
}
