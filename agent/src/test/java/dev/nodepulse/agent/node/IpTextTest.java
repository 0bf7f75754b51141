package dev.nodepulse.agent.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class IpTextTest {

    private static String fmt(String s) throws Exception {
        return IpText.format(InetAddress.getByName(s));
    }

    private static String scope(String s) throws Exception {
        return IpText.scope(InetAddress.getByName(s));
    }

    @Test
    void formatsLikeGo() throws Exception {
        assertEquals("10.1.2.3", fmt("10.1.2.3"));
        assertEquals("::", fmt("0:0:0:0:0:0:0:0"));
        assertEquals("::1", fmt("0:0:0:0:0:0:0:1"));
        assertEquals("1::", fmt("1:0:0:0:0:0:0:0"));
        assertEquals("fe80::1", fmt("FE80:0:0:0:0:0:0:1"));
        assertEquals("2001:db8::1:0:0:1", fmt("2001:db8:0:0:1:0:0:1"), "the first of two equal runs");
        assertEquals("2001:db8:0:1:1:1:1:1", fmt("2001:db8:0:1:1:1:1:1"), "a single zero group stays");
        assertEquals("1:0:0:2::3", fmt("1:0:0:2:0:0:0:3"), "the longest run wins");
        assertEquals("10.0.0.1", IpText.format(InetAddress.getByAddress(
                new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, 10, 0, 0, 1})), "v4-mapped prints as IPv4");
    }

    @Test
    void scopesLikeNodeExporter() throws Exception {
        assertEquals("link-local", scope("127.0.0.1"));
        assertEquals("link-local", scope("::1"));
        assertEquals("link-local", scope("169.254.1.1"));
        assertEquals("link-local", scope("fe80::1"));
        assertEquals("link-local", scope("224.0.0.251"));
        assertEquals("link-local", scope("ff02::1"));
        assertEquals("interface-local", scope("ff01::1"));
        assertEquals("global", scope("10.0.0.1"));
        assertEquals("global", scope("2001:db8::1"));
        assertEquals("", scope("0.0.0.0"));
        assertEquals("", scope("255.255.255.255"));
        assertEquals("", scope("239.1.1.1"));
        assertEquals("", scope("ff05::2"));
    }
}
