package dev.nodepulse.procfs.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.ParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SockstatParserTest {

    @Test
    void capturedIpv4File() throws Exception {
        String text = Fixtures.text("host-capture/proc/net/sockstat");
        Sockstat s = SockstatParser.parse(text, "/proc/net/sockstat");
        String usedLine = text.lines().filter(l -> l.startsWith("sockets:")).findFirst().orElseThrow();
        assertEquals(Long.parseLong(usedLine.split(" ")[2]), s.used().getAsLong());
        assertEquals(List.of("TCP", "UDP", "UDPLITE", "RAW", "FRAG"), s.protocols().stream().map(Sockstat.Protocol::name).toList());
        String tcpLine = text.lines().filter(l -> l.startsWith("TCP:")).findFirst().orElseThrow();
        String[] f = tcpLine.split(" ");
        Sockstat.Protocol tcp = s.protocols().get(0);
        for (int i = 1; i < f.length; i += 2) {
            assertEquals(Long.parseLong(f[i + 1]), tcp.get(f[i]).getAsLong(), f[i]);
        }
        assertTrue(s.protocols().get(4).get("memory").isPresent());
        assertFalse(s.protocols().get(2).get("mem").isPresent());
    }

    @Test
    void capturedIpv6File() throws Exception {
        Sockstat s = SockstatParser.parse(Fixtures.text("host-capture/proc/net/sockstat6"), "/proc/net/sockstat6");
        assertFalse(s.used().isPresent());
        assertEquals(List.of("TCP6", "UDP6", "UDPLITE6", "RAW6", "FRAG6"), s.protocols().stream().map(Sockstat.Protocol::name).toList());
    }

    @Test
    void emptyFile() throws Exception {
        Sockstat s = SockstatParser.parse("", "/proc/net/sockstat");
        assertFalse(s.used().isPresent());
        assertTrue(s.protocols().isEmpty());
    }

    @Test
    void socketsLineWithoutUsedCountsZero() throws Exception {
        assertEquals(0, SockstatParser.parse("sockets: other 5\n", "x").used().getAsLong());
    }

    @Test
    void malformedFiles() throws Exception {
        ParseException e = assertThrows(ParseException.class,
                () -> SockstatParser.parse(Fixtures.text("malformed/sockstat-short-line"), "/proc/net/sockstat"));
        assertTrue(e.getMessage().contains("/proc/net/sockstat:2:"), e.getMessage());
        assertThrows(ParseException.class,
                () -> SockstatParser.parse(Fixtures.text("malformed/sockstat-odd-pairs"), "/proc/net/sockstat"));
        assertThrows(ParseException.class, () -> SockstatParser.parse("TCP: inuse many\n", "x"));
        // Fields are separated by single spaces, as the kernel writes them.
        assertThrows(ParseException.class, () -> SockstatParser.parse("TCP:  inuse 1\n", "x"));
    }

    @Test
    void integersAsGoParseIntBaseZero() {
        assertEquals(42L, SockstatParser.goInt("42"));
        assertEquals(-7L, SockstatParser.goInt("-7"));
        assertEquals(7L, SockstatParser.goInt("+7"));
        assertEquals(0L, SockstatParser.goInt("0"));
        assertEquals(8L, SockstatParser.goInt("010"));
        assertEquals(255L, SockstatParser.goInt("0xff"));
        assertEquals(5L, SockstatParser.goInt("0b101"));
        assertEquals(8L, SockstatParser.goInt("0o10"));
        assertEquals(1000L, SockstatParser.goInt("1_000"));
        assertEquals(Long.MAX_VALUE, SockstatParser.goInt("9223372036854775807"));
        assertEquals(Long.MIN_VALUE, SockstatParser.goInt("-9223372036854775808"));
        assertNull(SockstatParser.goInt("9223372036854775808"));
        assertNull(SockstatParser.goInt(""));
        assertNull(SockstatParser.goInt("-"));
        assertNull(SockstatParser.goInt("08"));
        assertNull(SockstatParser.goInt("0x"));
        assertNull(SockstatParser.goInt("_1"));
        assertNull(SockstatParser.goInt("1_"));
        assertNull(SockstatParser.goInt("1__0"));
        assertNull(SockstatParser.goInt("12a"));
        assertNull(SockstatParser.goInt("١٢"));
    }
}
