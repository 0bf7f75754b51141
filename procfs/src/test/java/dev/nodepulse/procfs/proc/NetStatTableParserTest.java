package dev.nodepulse.procfs.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.ParseException;
import org.junit.jupiter.api.Test;

class NetStatTableParserTest {

    @Test
    void capturedFilesHaveOneValuePerCpuRow() throws Exception {
        for (String name : new String[] {"arp_cache", "rt_cache", "nf_conntrack"}) {
            String text = Fixtures.text("host-capture/proc/net/stat/" + name);
            String[] lines = text.split("\n");
            NetStatTable t = NetStatTableParser.parse(name, text);
            String[] header = lines[0].trim().split("\\s+");
            assertEquals(header.length, t.columns().size());
            for (int c = 0; c < header.length; c++) {
                NetStatTable.Column col = t.columns().get(c);
                assertEquals(header[c], col.name());
                assertEquals(lines.length - 1, col.perCpu().size());
                for (int row = 1; row < lines.length; row++) {
                    long expected = Long.parseLong(lines[row].trim().split("\\s+")[c], 16);
                    assertEquals((double) expected, col.perCpu().get(row - 1));
                }
            }
        }
    }

    @Test
    void emptyAndMalformedFiles() throws Exception {
        assertTrue(NetStatTableParser.parse("x", "").columns().isEmpty());
        assertEquals(0, NetStatTableParser.parse("x", "entries hits\n").columns().get(0).perCpu().size());
        assertThrows(ParseException.class, () -> NetStatTableParser.parse("x", "entries\n00000001 00000002\n"));
        assertThrows(ParseException.class, () -> NetStatTableParser.parse("x", "entries\nzz\n"));
        // a short row fills only the columns it has
        NetStatTable t = NetStatTableParser.parse("x", "a b\n0000000a\n");
        assertEquals(10.0, t.columns().get(0).perCpu().get(0));
        assertTrue(t.columns().get(1).perCpu().isEmpty());
    }
}
