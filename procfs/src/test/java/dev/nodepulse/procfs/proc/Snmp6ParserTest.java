package dev.nodepulse.procfs.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.ParseException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Snmp6ParserTest {

    @Test
    void capturedFileEveryLine() throws Exception {
        String text = Fixtures.text("host-capture/proc/net/snmp6");
        NetStats s = Snmp6Parser.parse(text);
        int lines = 0;
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            int six = f[0].indexOf('6');
            assertEquals(Double.parseDouble(f[1]), s.protocols().get(f[0].substring(0, six + 1)).get(f[0].substring(six + 1)),
                    line);
            lines++;
        }
        assertEquals(lines, s.protocols().values().stream().mapToInt(Map::size).sum());
        assertTrue(s.protocols().keySet().containsAll(java.util.List.of("Ip6", "Icmp6", "Udp6", "UdpLite6")));
        assertTrue(s.protocols().get("Udp6").containsKey("InDatagrams"));
    }

    @Test
    void protocolEndsAtTheFirstSix() throws Exception {
        NetStats s = Snmp6Parser.parse("Icmp6InType134\t5\nIp6InOctets 100\nNoSixHere 1\nLonely6\n\nUdpLite6InErrors 2\n");
        assertEquals(Map.of("InType134", 5.0), s.protocols().get("Icmp6"));
        assertEquals(100.0, s.protocols().get("Ip6").get("InOctets"));
        assertEquals(2.0, s.protocols().get("UdpLite6").get("InErrors"));
        assertEquals(3, s.protocols().size());
    }

    @Test
    void emptyAndMalformed() throws Exception {
        assertTrue(Snmp6Parser.parse("").protocols().isEmpty());
        ParseException e = assertThrows(ParseException.class, () -> Snmp6Parser.parse("Ip6InReceives 1\nIp6InHdrErrors x\n"));
        assertTrue(e.getMessage().contains(":2:"), e.getMessage());
    }
}
