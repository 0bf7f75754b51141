package dev.nodepulse.procfs.zfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.ParseException;
import org.junit.jupiter.api.Test;

class ZpoolIoParserTest {

    @Test
    void pairsHeaderAndValues() throws Exception {
        String text = Fixtures.text("handwritten/zfs/tank/io");
        ZpoolIo io = ZpoolIoParser.parse(text, "io");
        String[] header = text.split("\n")[1].trim().split("\\s+");
        String[] values = text.split("\n")[2].trim().split("\\s+");
        assertEquals(header.length, io.counters().size());
        for (int i = 0; i < header.length; i++) {
            assertEquals(header[i], io.counters().get(i).name());
            assertEquals(Double.parseDouble(values[i]), io.counters().get(i).value());
        }
        assertEquals("rupdate", io.counters().get(9).name());
    }

    @Test
    void withoutHeaderThereIsNothing() throws Exception {
        assertTrue(ZpoolIoParser.parse("", "io").counters().isEmpty());
        assertTrue(ZpoolIoParser.parse("12 3 0x00 1 80 1 2\n", "io").counters().isEmpty());
    }

    @Test
    void shortOrBadValueLinesAreErrors() {
        String header = "nread nwritten reads writes wtime wlentime wupdate rtime rlentime rupdate wcnt rcnt\n";
        assertThrows(ParseException.class, () -> ZpoolIoParser.parse(header + "1 2 3\n", "io"));
        assertThrows(ParseException.class, () -> ZpoolIoParser.parse(header + "1 2 3 4 5 6 7 8 9 10 11 x\n", "io"));
    }

    @Test
    void stateIsTheFirstLineInLowerCase() throws Exception {
        assertEquals("online", ZpoolStateParser.parse(Fixtures.text("handwritten/zfs/tank/state")));
        assertEquals("suspended", ZpoolStateParser.parse("SUSPENDED\r\n"));
        assertEquals("", ZpoolStateParser.parse(""));
    }
}
