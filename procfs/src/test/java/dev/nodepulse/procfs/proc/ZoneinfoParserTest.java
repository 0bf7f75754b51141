package dev.nodepulse.procfs.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZoneinfoParserTest {

    @Test
    void capturedFileHasOneEntryPerZoneLine() throws Exception {
        String text = Fixtures.text("host-capture/proc/zoneinfo");
        Zoneinfo z = ZoneinfoParser.parse(text);
        List<String> headers = text.lines().filter(l -> l.startsWith("Node ")).toList();
        assertEquals(headers.size(), z.zones().size());
        for (int i = 0; i < headers.size(); i++) {
            String[] f = headers.get(i).split("[,\\s]+");
            assertEquals(f[1], z.zones().get(i).node());
            assertEquals(f[3], z.zones().get(i).zone());
        }
        // every zone prints its "pages free" and watermark lines
        String firstMin = text.lines().filter(l -> l.trim().startsWith("min ")).findFirst().orElseThrow().trim();
        assertEquals(Long.parseLong(firstMin.split("\\s+")[1]), z.zones().get(0).values().get("min"));
    }

    @Test
    void perNodeStatsBelongToTheFirstZoneAndProtectionIsParsed() {
        String text = "Node 0, zone      DMA\n"
                + "  per-node stats\n"
                + "      nr_inactive_anon 95612\n"
                + "  pages free     2949\n"
                + "        min      8\n"
                + "        protection: (0, 2039, 31932)\n"
                + "      nr_free_pages 2949\n"
                + "  pagesets\n"
                + "    cpu: 0\n"
                + "              high:  0\n"
                + "Node 0, zone    DMA32\n"
                + "        min      1078\n"
                + "        protection: (0, x)\n";
        Zoneinfo z = ZoneinfoParser.parse(text);
        assertEquals(2, z.zones().size());
        Zoneinfo.Zone dma = z.zones().get(0);
        assertEquals(95612L, dma.values().get("nr_inactive_anon"));
        assertEquals(8L, dma.values().get("min"));
        assertEquals(2949L, dma.values().get("nr_free_pages"));
        assertEquals(List.of(0L, 2039L, 31932L), dma.protection());
        // "high:" (with colon) in pagesets is not the watermark
        assertTrue(!dma.values().containsKey("high"));
        Zoneinfo.Zone dma32 = z.zones().get(1);
        assertEquals("DMA32", dma32.zone());
        assertEquals(1078L, dma32.values().get("min"));
        assertTrue(dma32.protection().isEmpty(), "unparsable protection is dropped, not an error");
    }

    @Test
    void garbledValuesReadAsZeroAndEmptyInputGivesAnEmptyZone() {
        Zoneinfo z = ZoneinfoParser.parse("Node 1, zone Normal\n  spanned lots\n  present 0x10\n");
        assertEquals(0L, z.zones().get(0).values().get("spanned"));
        assertEquals(16L, z.zones().get(0).values().get("present"));
        Zoneinfo empty = ZoneinfoParser.parse("");
        assertEquals(1, empty.zones().size());
        assertTrue(empty.zones().get(0).values().isEmpty());
        assertEquals("", empty.zones().get(0).node());
    }
}
