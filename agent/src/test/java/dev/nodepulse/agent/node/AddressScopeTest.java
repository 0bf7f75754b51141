package dev.nodepulse.agent.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class AddressScopeTest {

    private static String scope(String s) throws Exception {
        return AddressScope.of(InetAddress.getByName(s));
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
