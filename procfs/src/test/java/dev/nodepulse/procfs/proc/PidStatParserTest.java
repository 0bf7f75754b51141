package dev.nodepulse.procfs.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.ParseException;
import org.junit.jupiter.api.Test;

class PidStatParserTest {

    @Test
    void commandNamesWithSpacesAndParentheses() throws Exception {
        String line = "1234 (my (weird) cmd) S 1 1234 1234 0 -1 4194560 100 0 0 0 250 75 0 0 20 0 7 0 "
                + "5000 104857600 2560 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n";
        PidStat s = PidStatParser.parse(line);
        assertEquals(1234, s.pid());
        assertEquals("my (weird) cmd", s.comm());
        assertEquals('S', s.state());
        assertEquals(1, s.ppid());
        assertEquals(250, s.utimeTicks());
        assertEquals(75, s.stimeTicks());
        assertEquals(7, s.numThreads());
        assertEquals(5000, s.startTicks());
        assertEquals(104857600, s.vsizeBytes());
        assertEquals(2560, s.rssPages());
    }

    @Test
    void capturedSelfStat() throws Exception {
        PidStat s = PidStatParser.parse(Fixtures.text("host-capture/proc/pid-stat"));
        assertEquals("cat", s.comm());
        assertTrue(s.vsizeBytes() > 0);
    }

    @Test
    void truncatedOrGarbled() {
        assertThrows(ParseException.class, () -> PidStatParser.parse("1234 (cat) S 1 2 3\n"));
        assertThrows(ParseException.class, () -> PidStatParser.parse("no parentheses here"));
        assertThrows(ParseException.class, () -> PidStatParser.parse(""));
    }
}
