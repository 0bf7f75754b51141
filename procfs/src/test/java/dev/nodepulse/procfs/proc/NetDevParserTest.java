package dev.nodepulse.procfs.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.Lines;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetDevParserTest {

    @Test
    void parsesCapturedFile() throws Exception {
        String text = Fixtures.text("host-capture/proc/net-dev");
        List<NetDevLine> devs = NetDevParser.parse(text, "net/dev");
        List<String> lines = Lines.of(text);
        assertEquals(lines.size() - 2, devs.size());
        for (int i = 2; i < lines.size(); i++) {
            String line = lines.get(i);
            String name = line.substring(0, line.indexOf(':')).strip();
            String[] f = Lines.fields(line.substring(line.indexOf(':') + 1));
            NetDevLine d = devs.get(i - 2);
            assertEquals(name, d.name());
            assertEquals(Long.parseLong(f[0]), d.rxBytes());
            assertEquals(Long.parseLong(f[1]), d.rxPackets());
            assertEquals(Long.parseLong(f[7]), d.rxMulticast());
            assertEquals(Long.parseLong(f[8]), d.txBytes());
            assertEquals(Long.parseLong(f[15]), d.txCompressed());
        }
    }

    @Test
    void readsEveryColumnInOrder() throws Exception {
        List<NetDevLine> devs = NetDevParser.parse(Fixtures.text("kernel-format/net-dev"), "net/dev");
        assertEquals(List.of("lo", "eth0", "eth0:1"), devs.stream().map(NetDevLine::name).toList());
        // The second eth0 line replaces the first; the name before the last colon may itself hold one.
        assertEquals(new NetDevLine("eth0", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16), devs.get(1));
        assertEquals(new NetDevLine("eth0:1", 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150, 160),
                devs.get(2));
    }

    @Test
    void countersAreUnsigned64Bit() throws Exception {
        List<NetDevLine> devs = NetDevParser.parse("h\nh\neth0: 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n", "t");
        assertEquals(-1L, devs.get(0).rxBytes());
    }

    @Test
    void headersOnlyOrEmptyMeansNoInterfaces() throws Exception {
        assertEquals(List.of(), NetDevParser.parse("", "t"));
        assertEquals(List.of(), NetDevParser.parse("Inter-|\n face |\n", "t"));
    }

    @Test
    void rejectsMalformedLines() {
        String header = "Inter-|\n face |\n";
        ParseException e = assertThrows(ParseException.class,
                () -> NetDevParser.parse(header + "eth0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n", "net/dev"));
        assertTrue(e.getMessage().startsWith("net/dev:3:"), e.getMessage());
        assertThrows(ParseException.class, () -> NetDevParser.parse(header + "  : 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n", "t"));
        assertThrows(ParseException.class, () -> NetDevParser.parse(header + "eth0: 1 2 3\n", "t"));
        assertThrows(ParseException.class, () -> NetDevParser.parse(header + "eth0: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 x\n", "t"));
        assertThrows(ParseException.class, () -> NetDevParser.parse(header + "eth0: -1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n", "t"));
    }
}
