package dev.nodepulse.procfs.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.ParseException;
import org.junit.jupiter.api.Test;

class VmstatParserTest {

    @Test
    void capturedFileEveryLine() throws Exception {
        String text = Fixtures.text("host-capture/proc/vmstat");
        Vmstat v = VmstatParser.parse(text);
        String[] lines = text.split("\n");
        assertEquals(lines.length, v.entries().size());
        for (int i = 0; i < lines.length; i++) {
            String[] f = lines[i].split(" ");
            assertEquals(f[0], v.entries().get(i).name());
            assertEquals(Double.parseDouble(f[1]), v.entries().get(i).value(), f[0]);
        }
        assertTrue(v.entries().stream().anyMatch(e -> e.name().equals("pgfault")));
    }

    @Test
    void emptyFileHasNoEntries() throws Exception {
        assertTrue(VmstatParser.parse("").entries().isEmpty());
    }

    @Test
    void malformedLines() throws Exception {
        ParseException e = assertThrows(ParseException.class,
                () -> VmstatParser.parse(Fixtures.text("malformed/vmstat-missing-value")));
        assertTrue(e.getMessage().contains("/proc/vmstat:2:"), e.getMessage());
        ParseException bad = assertThrows(ParseException.class,
                () -> VmstatParser.parse(Fixtures.text("malformed/vmstat-bad-value")));
        assertTrue(bad.getMessage().contains("ten"), bad.getMessage());
    }
}
