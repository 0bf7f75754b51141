package dev.nodepulse.procfs.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.ParseException;
import org.junit.jupiter.api.Test;

class NumastatParserTest {

    @Test
    void capturedFile() throws Exception {
        String text = Fixtures.text("host-capture/sys/node0/numastat");
        Numastat n = NumastatParser.parse(text, "numastat");
        String[] lines = text.strip().split("\n");
        assertEquals(lines.length, n.counters().size());
        for (int i = 0; i < lines.length; i++) {
            String[] f = lines[i].split(" ");
            assertEquals(f[0], n.counters().get(i).name());
            assertEquals(Double.parseDouble(f[1]), n.counters().get(i).value());
        }
    }

    @Test
    void emptyAndMalformed() throws Exception {
        assertTrue(NumastatParser.parse("", "n").counters().isEmpty());
        assertThrows(ParseException.class, () -> NumastatParser.parse("numa_hit\n", "n"));
        assertThrows(ParseException.class, () -> NumastatParser.parse("numa_hit 1 2\n", "n"));
        assertThrows(ParseException.class, () -> NumastatParser.parse("numa_hit many\n", "n"));
    }
}
