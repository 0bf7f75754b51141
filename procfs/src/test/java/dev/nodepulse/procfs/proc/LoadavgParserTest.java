package dev.nodepulse.procfs.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.ParseException;
import org.junit.jupiter.api.Test;

class LoadavgParserTest {

    @Test
    void parsesCapturedFile() throws Exception {
        String text = Fixtures.text("host-capture/proc/loadavg");
        Loadavg l = LoadavgParser.parse(text);
        String[] f = text.split(" ");
        assertEquals(Double.parseDouble(f[0]), l.load1());
        assertEquals(Double.parseDouble(f[1]), l.load5());
        assertEquals(Double.parseDouble(f[2]), l.load15());
        assertEquals(Long.parseLong(f[3].split("/")[0]), l.runnable());
        assertEquals(Long.parseLong(f[3].split("/")[1]), l.tasks());
    }

    @Test
    void parsesExactValues() throws Exception {
        assertEquals(new Loadavg(0.21, 0.37, 0.39, 1, 719), LoadavgParser.parse("0.21 0.37 0.39 1/719 19737\n"));
        // A fixture with the load averages only: the task counts are unknown, not 0.
        assertEquals(new Loadavg(0.21, 0.37, 0.39, Loadavg.ABSENT, Loadavg.ABSENT), LoadavgParser.parse("0.21 0.37 0.39\n"));
    }

    @Test
    void rejectsShortAndGarbledInput() {
        assertThrows(ParseException.class, () -> LoadavgParser.parse(""));
        assertThrows(ParseException.class, () -> LoadavgParser.parse("0.1 0.2\n"));
        ParseException e = assertThrows(ParseException.class, () -> LoadavgParser.parse("0.1 x 0.3 1/2 3\n"));
        assertTrue(e.getMessage().contains("load5"), e.getMessage());
        assertThrows(ParseException.class, () -> LoadavgParser.parse("0.1 0.2 0.3 17 3\n"));
        e = assertThrows(ParseException.class, () -> LoadavgParser.parse("0.1 0.2 0.3 1/x 3\n"));
        assertTrue(e.getMessage().contains("tasks"), e.getMessage());
    }
}
