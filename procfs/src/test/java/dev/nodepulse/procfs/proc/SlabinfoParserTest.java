package dev.nodepulse.procfs.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.ParseException;
import org.junit.jupiter.api.Test;

class SlabinfoParserTest {

    @Test
    void capturedFileHasOneSlabPerDataLine() throws Exception {
        String text = Fixtures.text("host-capture/proc/slabinfo");
        Slabinfo s = SlabinfoParser.parse(text);
        String[] lines = text.split("\n");
        assertEquals(lines.length - 2, s.slabs().size());
        String[] f = lines[2].trim().split("\\s+");
        Slabinfo.Slab first = s.slabs().get(0);
        assertEquals(f[0], first.name());
        assertEquals(Long.parseLong(f[1]), first.activeObjects());
        assertEquals(Long.parseLong(f[2]), first.objects());
        assertEquals(Long.parseLong(f[3]), first.objectSize());
        assertEquals(Long.parseLong(f[4]), first.objectsPerSlab());
        assertEquals(Long.parseLong(f[5]), first.pagesPerSlab());
        assertEquals(Long.parseLong(f[15]), first.sharedAvailable());
    }

    @Test
    void emptyAndMalformed() throws Exception {
        assertTrue(SlabinfoParser.parse("").slabs().isEmpty());
        assertTrue(SlabinfoParser.parse("slabinfo - version: 2.1\n").slabs().isEmpty());
        assertThrows(ParseException.class, () -> SlabinfoParser.parse("kmalloc-8 1 2 3\n"));
        assertThrows(ParseException.class, () -> SlabinfoParser.parse(
                "kmalloc-8 x 2 3 4 5 : tunables 0 0 0 : slabdata 1 1 0\n"));
        // an indented line has an empty first token: 17 tokens, an error as upstream
        assertThrows(ParseException.class, () -> SlabinfoParser.parse(
                " kmalloc-8 1 2 3 4 5 : tunables 0 0 0 : slabdata 1 1 0\n"));
    }
}
