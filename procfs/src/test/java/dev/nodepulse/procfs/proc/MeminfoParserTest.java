package dev.nodepulse.procfs.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.ParseException;
import org.junit.jupiter.api.Test;

class MeminfoParserTest {

    @Test
    void convertsKilobytesAndKeepsCounts() throws Exception {
        Meminfo m = MeminfoParser.parse("MemTotal:       15666184 kB\nActive(anon):      1024 kB\nHugePages_Total:       4\n");
        assertEquals(15666184.0 * 1024, m.get("MemTotal").getAsDouble());
        assertEquals(1024.0 * 1024, m.get("Active(anon)").getAsDouble());
        assertEquals(4.0, m.get("HugePages_Total").getAsDouble());
        assertFalse(m.entries().get(2).inKilobytes());
        assertTrue(m.get("Missing").isEmpty());
    }

    @Test
    void capturedFileMatchesItsOwnLines() throws Exception {
        String text = Fixtures.text("host-capture/proc/meminfo");
        Meminfo m = MeminfoParser.parse(text);
        assertEquals(text.strip().split("\n").length, m.entries().size());
        String memTotalLine = text.lines().filter(l -> l.startsWith("MemTotal:")).findFirst().orElseThrow();
        long kb = Long.parseLong(memTotalLine.replaceAll("[^0-9]", ""));
        assertEquals(kb * 1024.0, m.get("MemTotal").getAsDouble());
        assertTrue(m.get("MemAvailable").getAsDouble() <= m.get("MemTotal").getAsDouble());
    }

    @Test
    void malformedLinesNameTheLine() {
        ParseException e = assertThrows(ParseException.class, () -> MeminfoParser.parse("MemTotal: 10 kB\nMemFree 20 kB\n"));
        assertTrue(e.getMessage().contains(":2:"), e.getMessage());
        assertThrows(ParseException.class, () -> MeminfoParser.parse("MemTotal: ten kB\n"));
        assertThrows(ParseException.class, () -> MeminfoParser.parse("MemTotal: 10 MB\n"));
        assertThrows(ParseException.class, () -> MeminfoParser.parse(""));
    }
}
