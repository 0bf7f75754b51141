package dev.nodepulse.procfs.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.ParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoftnetParserTest {

    @Test
    void captureWithCpuIndexColumn() throws Exception {
        String text = Fixtures.text("host-capture/proc/net/softnet_stat");
        List<SoftnetStat> stats = SoftnetParser.parse(text);
        String[] lines = text.split("\n");
        assertEquals(lines.length, stats.size());
        for (int i = 0; i < lines.length; i++) {
            String[] c = lines[i].trim().split(" +");
            SoftnetStat s = stats.get(i);
            assertEquals(c.length, s.columns());
            assertEquals(Long.parseLong(c[0], 16), s.processed());
            assertEquals(Long.parseLong(c[1], 16), s.dropped());
            assertEquals(Long.parseLong(c[2], 16), s.timeSqueezed());
            assertEquals(Long.parseLong(c[8], 16), s.cpuCollision());
            assertEquals(Long.parseLong(c[9], 16), s.receivedRps());
            assertEquals(Long.parseLong(c[10], 16), s.flowLimitCount());
            assertEquals(Long.parseLong(c[11], 16), s.backlogLen());
            assertEquals(Long.parseLong(c[12], 16), s.cpu());
        }
    }

    @Test
    void olderKernelsHaveFewerColumnsAndNoCpuIndex() throws Exception {
        String text = """
                00049279 00000000 00000001 00000000 00000000 00000000 00000000 00000000 00000002
                000dfb82 00000029 0000000a 00000000 00000000 00000000 00000000 00000000 00000000 00000003
                00551c3f 00000000 00000055 00000000 00000000 00000000 00000000 00000000 00000000 00000000 0000000f
                """;
        List<SoftnetStat> s = SoftnetParser.parse(text);
        assertEquals(new SoftnetStat(0x49279, 0, 1, 2, 0, 0, 0, 0, 9), s.get(0));
        assertEquals(new SoftnetStat(0xdfb82, 0x29, 0xa, 0, 3, 0, 0, 1, 10), s.get(1));
        assertEquals(new SoftnetStat(0x551c3f, 0, 0x55, 0, 0, 15, 0, 2, 11), s.get(2));
    }

    @Test
    void thirteenColumnsCarryBacklogAndCpu() throws Exception {
        SoftnetStat s = SoftnetParser.parse(
                "00000010 00000001 00000002 0 0 0 0 0 00000003 00000004 00000005 00000006 00000007\n").get(0);
        assertEquals(new SoftnetStat(16, 1, 2, 3, 4, 5, 6, 7, 13), s);
    }

    @Test
    void rejectsShortAndNonHexLines() {
        ParseException e = assertThrows(ParseException.class, () -> SoftnetParser.parse("00000001 00000002\n"));
        assertTrue(e.getMessage().contains("2 columns"), e.getMessage());
        assertThrows(ParseException.class, () -> SoftnetParser.parse("0 0 0 0 0 0 0 0 0\n\n"));
        assertThrows(ParseException.class, () -> SoftnetParser.parse("zz 0 0 0 0 0 0 0 0\n"));
        // the counters are 32 bits wide
        assertThrows(ParseException.class, () -> SoftnetParser.parse("100000000 0 0 0 0 0 0 0 0\n"));
    }

    @Test
    void emptyFileHasNoCpus() throws Exception {
        assertEquals(List.of(), SoftnetParser.parse(""));
    }
}
