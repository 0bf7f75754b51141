package dev.nodepulse.procfs.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.ParseException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetstatParserTest {

    /** Every counter of a header/value file, read independently of the parser: pairs of lines, split on blanks. */
    private static void assertMatchesFile(String text, NetStats stats) {
        String[] lines = text.split("\n");
        int counters = 0;
        for (int i = 0; i + 1 < lines.length; i += 2) {
            String[] names = lines[i].trim().split("\\s+");
            String[] values = lines[i + 1].trim().split("\\s+");
            String protocol = names[0].replace(":", "");
            for (int k = 1; k < names.length; k++) {
                assertEquals(Double.parseDouble(values[k]), stats.protocols().get(protocol).get(names[k]),
                        protocol + " " + names[k]);
                counters++;
            }
        }
        assertEquals(counters, stats.protocols().values().stream().mapToInt(Map::size).sum());
    }

    @Test
    void capturedNetstat() throws Exception {
        String text = Fixtures.text("host-capture/proc/net/netstat");
        NetStats s = NetstatParser.parse(text, "/proc/net/netstat");
        assertMatchesFile(text, s);
        assertTrue(s.protocols().containsKey("TcpExt"));
        assertTrue(s.protocols().containsKey("IpExt"));
        assertTrue(s.protocols().get("TcpExt").containsKey("ListenDrops"));
    }

    @Test
    void capturedSnmp() throws Exception {
        String text = Fixtures.text("host-capture/proc/net/snmp");
        NetStats s = NetstatParser.parse(text, "/proc/net/snmp");
        assertMatchesFile(text, s);
        assertEquals(List.of("Ip", "Icmp", "IcmpMsg", "Tcp", "Udp", "UdpLite"), List.copyOf(s.protocols().keySet()));
        // Tcp MaxConn is -1 on Linux: signed values are kept.
        assertEquals(-1.0, s.protocols().get("Tcp").get("MaxConn"));
    }

    @Test
    void handWrittenPairs() throws Exception {
        NetStats s = NetstatParser.parse("Ip: Forwarding DefaultTTL\nIp: 1 64\nTcp: CurrEstab\nTcp: 7\n", "snmp");
        assertEquals(Map.of("Forwarding", 1.0, "DefaultTTL", 64.0), s.protocols().get("Ip"));
        assertEquals(7.0, s.protocols().get("Tcp").get("CurrEstab"));
        // A repeated protocol replaces the earlier one.
        NetStats twice = NetstatParser.parse("Ip: A B\nIp: 1 2\nIp: C\nIp: 3\n", "snmp");
        assertEquals(Map.of("C", 3.0), twice.protocols().get("Ip"));
    }

    @Test
    void emptyFileHasNoProtocols() throws Exception {
        assertTrue(NetstatParser.parse("", "/proc/net/netstat").protocols().isEmpty());
    }

    @Test
    void malformedFiles() throws Exception {
        ParseException mismatch = assertThrows(ParseException.class,
                () -> NetstatParser.parse(Fixtures.text("malformed/netstat-count-mismatch"), "/proc/net/netstat"));
        assertTrue(mismatch.getMessage().contains("/proc/net/netstat:2:"), mismatch.getMessage());
        assertTrue(mismatch.getMessage().contains("TcpExt"), mismatch.getMessage());
        ParseException bad = assertThrows(ParseException.class,
                () -> NetstatParser.parse(Fixtures.text("malformed/snmp-bad-value"), "/proc/net/snmp"));
        assertTrue(bad.getMessage().contains("sixty-four"), bad.getMessage());
        // A header without its value line: node_exporter sees a field count mismatch too.
        assertThrows(ParseException.class,
                () -> NetstatParser.parse(Fixtures.text("malformed/snmp-odd-lines"), "/proc/net/snmp"));
        assertThrows(ParseException.class, () -> NetstatParser.parse("\nIp: 1\n", "snmp"));
        assertThrows(ParseException.class, () -> NetstatParser.parse("Ip: A\nIp:  1\n", "snmp"));
    }

    @Test
    void mergeReplacesWholeProtocols() throws Exception {
        NetStats a = NetstatParser.parse("Ip: A B\nIp: 1 2\nTcp: C\nTcp: 3\n", "a");
        NetStats b = NetstatParser.parse("Ip: D\nIp: 4\n", "b");
        NetStats m = a.merge(b);
        assertEquals(Map.of("D", 4.0), m.protocols().get("Ip"));
        assertEquals(Map.of("C", 3.0), m.protocols().get("Tcp"));
    }
}
