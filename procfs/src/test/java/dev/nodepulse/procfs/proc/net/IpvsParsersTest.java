package dev.nodepulse.procfs.proc.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.ParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

class IpvsParsersTest {

    @Test
    void statsTotalsAreHex() throws Exception {
        IpvsStats s = IpvsStatsParser.parse(Fixtures.text("handmade/proc/net/ip_vs_stats"));
        assertEquals(new IpvsStats(0x1E2F3AL, 0x9ABCDEL, 0x87654L, 0x2540BE4000L, 0x10C8E000L), s);
    }

    @Test
    void statsRejectsShortOrGarbledFiles() {
        assertThrows(ParseException.class, () -> IpvsStatsParser.parse(""));
        assertThrows(ParseException.class, () -> IpvsStatsParser.parse("a\nb\n 1 2 3\n\n"));
        assertThrows(ParseException.class, () -> IpvsStatsParser.parse("a\nb\n 1 2 3 4 XYZ\n\n"));
    }

    @Test
    void backendsCarryTheirVirtualService() throws Exception {
        List<IpvsBackend> b = IpvsBackendParser.parse(Fixtures.text("handmade/proc/net/ip_vs"));
        assertEquals(6, b.size());
        assertEquals(new IpvsBackend("TCP", "10.0.0.1", 80, "", "10.0.1.2", 8080, 1, 12, 40), b.get(0));
        assertEquals(new IpvsBackend("UDP", "10.0.0.1", 53, "", "10.0.1.4", 53, 5, 0, 9), b.get(2));
        assertEquals(new IpvsBackend("TCP", "2001:db8::1", 443, "", "2001:db8::ff:0:2", 10000, 2, 4, 1), b.get(3));
        // an IPv4-mapped IPv6 address prints dotted, as Go prints it
        assertEquals("10.0.1.5", b.get(4).remoteAddress());
        assertEquals(new IpvsBackend("FWM", "", 0, "00000007", "10.0.1.6", 0, 10, 100, 25), b.get(5));
    }

    @Test
    void backendFileWithoutServicesIsEmpty() throws Exception {
        assertTrue(IpvsBackendParser.parse("").isEmpty());
        assertTrue(IpvsBackendParser.parse("IP Virtual Server version 1.2.1 (size=4096)\n"
                + "Prot LocalAddress:Port Scheduler Flags\n  -> RemoteAddress:Port Forward Weight ActiveConn InActConn\n")
                .isEmpty());
    }

    @Test
    void backendRejectsBadAddressesAndCounts() {
        assertThrows(ParseException.class, () -> IpvsBackendParser.parse("TCP  0A0001:0050 rr\n"));
        assertThrows(ParseException.class,
                () -> IpvsBackendParser.parse("TCP  0A000001:0050 rr\n  -> 0A000102:1F90 Masq one 12 40\n"));
        assertThrows(ParseException.class,
                () -> IpvsBackendParser.parse("TCP  0A00000G:0050 rr\n  -> 0A000102:1F90 Masq 1 12 40\n"));
    }
}
