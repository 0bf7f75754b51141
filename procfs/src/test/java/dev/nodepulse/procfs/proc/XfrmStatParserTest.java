package dev.nodepulse.procfs.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.ParseException;
import org.junit.jupiter.api.Test;

class XfrmStatParserTest {

    @Test
    void capturedFileHasEveryLine() throws Exception {
        String text = Fixtures.text("host-capture/proc/net/xfrm_stat");
        XfrmStat x = XfrmStatParser.parse(text);
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            assertEquals(Long.parseLong(f[1]), x.get(f[0]));
        }
        assertEquals(text.split("\n").length, x.counters().size());
    }

    @Test
    void missingCountersReadZeroAndBadLinesFail() throws Exception {
        assertEquals(0, XfrmStatParser.parse("").get("XfrmInError"));
        assertEquals(5, XfrmStatParser.parse("XfrmInError 5\n").get("XfrmInError"));
        assertThrows(ParseException.class, () -> XfrmStatParser.parse("XfrmInError\n"));
        assertThrows(ParseException.class, () -> XfrmStatParser.parse("XfrmInError 1 2\n"));
        assertThrows(ParseException.class, () -> XfrmStatParser.parse("XfrmInError x\n"));
    }
}
