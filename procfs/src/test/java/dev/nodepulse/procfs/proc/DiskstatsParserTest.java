package dev.nodepulse.procfs.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.Lines;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiskstatsParserTest {

    @Test
    void parsesCapturedFile() throws Exception {
        String text = Fixtures.text("host-capture/proc/diskstats");
        List<Diskstats> disks = DiskstatsParser.parse(text, "diskstats");
        List<String> lines = Lines.of(text);
        assertEquals(lines.size(), disks.size());
        for (int i = 0; i < lines.size(); i++) {
            String[] f = Lines.fields(lines.get(i));
            Diskstats d = disks.get(i);
            assertEquals(Long.parseLong(f[0]), d.major());
            assertEquals(Long.parseLong(f[1]), d.minor());
            assertEquals(f[2], d.device());
            List<Long> expected = new ArrayList<>();
            for (int k = 3; k < Math.min(f.length, 20); k++) {
                expected.add(Long.parseLong(f[k]));
            }
            assertEquals(expected, d.counters());
        }
    }

    @Test
    void keepsOnlyTheColumnsTheKernelPrinted() throws Exception {
        List<Diskstats> disks = DiskstatsParser.parse(Fixtures.text("kernel-format/diskstats"), "diskstats");
        assertEquals(4, disks.size());
        Diskstats sda = disks.get(0);
        assertEquals(11, sda.counters().size());
        assertEquals(25354637L, sda.counters().get(Diskstats.READS_COMPLETED));
        assertEquals(1003346126L, sda.counters().get(Diskstats.SECTORS_READ));
        assertEquals(82621804L, sda.counters().get(Diskstats.WEIGHTED_IO_MILLIS));

        Diskstats sdb = disks.get(1);
        assertEquals(15, sdb.counters().size());
        assertEquals(1925173784L, sdb.counters().get(Diskstats.SECTORS_DISCARDED));
        assertEquals(11130L, sdb.counters().get(Diskstats.DISCARD_MILLIS));

        Diskstats sdc = disks.get(2);
        assertEquals(8, sdc.major());
        assertEquals(32, sdc.minor());
        assertEquals(17, sdc.counters().size());
        assertEquals(1555L, sdc.counters().get(Diskstats.FLUSHES_COMPLETED));
        assertEquals(1944L, sdc.counters().get(Diskstats.FLUSH_MILLIS));

        // A future kernel's 18th counter is not read.
        Diskstats nvme = disks.get(3);
        assertEquals(17, nvme.counters().size());
        assertEquals(17L, nvme.counters().get(Diskstats.FLUSH_MILLIS));
    }

    @Test
    void countersAreUnsigned64Bit() throws Exception {
        List<Diskstats> d = DiskstatsParser.parse("8 0 sda 18446744073709551615 0 0 0 0 0 0 0 0 0 0\n", "t");
        assertEquals(-1L, d.get(0).counters().get(0));
    }

    @Test
    void shortAndEmptyLinesAreSkipped() throws Exception {
        assertEquals(List.of(), DiskstatsParser.parse("", "t"));
        List<Diskstats> d = DiskstatsParser.parse("\n8 0 sda 1 2 3\n8 1 sda1 1 2 3 4 5 6 7 8 9 10 11\n", "t");
        assertEquals(1, d.size());
        assertEquals("sda1", d.get(0).device());
    }

    @Test
    void rejectsNumbersThatAreNotUnsignedIntegers() {
        ParseException e = assertThrows(ParseException.class,
                () -> DiskstatsParser.parse("8 0 sda 1 2 x 4 5 6 7 8 9 10 11\n", "diskstats"));
        assertTrue(e.getMessage().startsWith("diskstats:1:"), e.getMessage());
        assertThrows(ParseException.class, () -> DiskstatsParser.parse("8 0 sda -1 2 3 4 5 6 7 8 9 10 11\n", "t"));
        assertThrows(ParseException.class, () -> DiskstatsParser.parse("x 0 sda 1 2 3 4 5 6 7 8 9 10 11\n", "t"));
        assertThrows(ParseException.class, () -> DiskstatsParser.parse("4294967296 0 sda 1 2 3 4 5 6 7 8 9 10 11\n", "t"));
    }
}
