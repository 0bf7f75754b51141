package dev.nodepulse.procfs.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.ParseException;
import org.junit.jupiter.api.Test;

class LimitsParserTest {

    @Test
    void capturedFile() throws Exception {
        String text = Fixtures.text("host-capture/proc/limits");
        Limits l = LimitsParser.parse(text);
        String line = text.lines().filter(s -> s.startsWith("Max open files")).findFirst().orElseThrow();
        long soft = Long.parseLong(line.substring(26).trim().split("\\s+")[0]);
        assertEquals(soft, l.soft("Max open files", 0));
        assertEquals(-1, l.soft("Max address space", 0));
        assertTrue(l.soft().size() >= 16);
    }

    @Test
    void garbledLimit() {
        String bad = "Limit                     Soft Limit           Hard Limit           Units     \n"
                + "Max open files            lots                 1048576              files     \n";
        assertThrows(ParseException.class, () -> LimitsParser.parse(bad));
    }
}
