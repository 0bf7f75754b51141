package dev.nodepulse.procfs.proc.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.ParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArpParserTest {

    private static final String HEADER = "IP address       HW type     Flags       HW address            Mask     Device\n";

    @Test
    void capturedTableHasOneEntryPerLine() throws Exception {
        String text = Fixtures.text("host-capture/proc/net/arp");
        List<ArpEntry> entries = ArpParser.parse(text);
        String[] lines = text.strip().split("\n");
        assertEquals(lines.length - 1, entries.size());
        String[] last = lines[lines.length - 1].trim().split("\\s+");
        ArpEntry e = entries.get(entries.size() - 1);
        assertEquals(last[0], e.ipAddress());
        assertEquals(last[3], e.hwAddress());
        assertEquals(last[5], e.device());
        assertEquals(Integer.decode(last[2]).intValue(), e.flags());
    }

    @Test
    void readsEveryColumn() throws Exception {
        List<ArpEntry> entries = ArpParser.parse(HEADER
                + "10.1.0.1         0x1         0x2         52:54:00:12:34:56     *        br0\n"
                + "10.1.0.9         0x1         0x0         00:00:00:00:00:00     *        br0\n"
                + "192.168.7.4      0x1         0x6         aa:bb:cc:dd:ee:01     *        wlan0\n");
        assertEquals(3, entries.size());
        assertEquals(new ArpEntry("10.1.0.9", "00:00:00:00:00:00", 0, "br0"), entries.get(1));
        assertEquals(6, entries.get(2).flags());
        assertEquals("wlan0", entries.get(2).device());
    }

    @Test
    void emptyAndHeaderOnlyFilesHaveNoEntries() throws Exception {
        assertTrue(ArpParser.parse("").isEmpty());
        assertTrue(ArpParser.parse(HEADER).isEmpty());
    }

    @Test
    void rejectsMalformedLines() {
        ParseException e = assertThrows(ParseException.class,
                () -> ArpParser.parse(HEADER + "10.0.0.1 0x1 0x2 52:54:00:12:34:56 eth0\n"));
        assertTrue(e.getMessage().contains(":2:"), e.getMessage());
        assertThrows(ParseException.class, () -> ArpParser.parse(HEADER + "10.0.0.1 0x1 0x2 not-a-mac * eth0\n"));
        assertThrows(ParseException.class,
                () -> ArpParser.parse(HEADER + "10.0.0.1 0x1 0x1ff 52:54:00:12:34:56 * eth0\n"));
        assertThrows(ParseException.class,
                () -> ArpParser.parse(HEADER + "10.0.0.1 0x1 zz 52:54:00:12:34:56 * eth0\n"));
    }
}
