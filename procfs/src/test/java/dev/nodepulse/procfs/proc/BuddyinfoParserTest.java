package dev.nodepulse.procfs.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.ParseException;
import org.junit.jupiter.api.Test;

class BuddyinfoParserTest {

    @Test
    void capturedFile() throws Exception {
        String text = Fixtures.text("host-capture/proc/buddyinfo");
        Buddyinfo b = BuddyinfoParser.parse(text);
        String[] lines = text.split("\n");
        assertEquals(lines.length, b.zones().size());
        for (int i = 0; i < lines.length; i++) {
            String[] f = lines[i].trim().split("[,\\s]+");
            Buddyinfo.Zone z = b.zones().get(i);
            assertEquals(f[1], z.node());
            assertEquals(f[3], z.zone());
            assertEquals(f.length - 4, z.freeBlocks().size());
            assertEquals(Double.parseDouble(f[f.length - 1]), z.freeBlocks().get(z.freeBlocks().size() - 1));
        }
    }

    @Test
    void emptyAndMalformed() throws Exception {
        assertTrue(BuddyinfoParser.parse("").zones().isEmpty());
        assertThrows(ParseException.class, () -> BuddyinfoParser.parse("Node 0, zone\n"));
        assertThrows(ParseException.class, () -> BuddyinfoParser.parse("Node 0, zone DMA 1 2 x\n"));
        assertThrows(ParseException.class,
                () -> BuddyinfoParser.parse("Node 0, zone DMA 1 2 3\nNode 0, zone Normal 1 2\n"));
    }
}
