package dev.nodepulse.procfs.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.ParseException;
import org.junit.jupiter.api.Test;

class KernelHungParserTest {

    @Test
    void parsesCountAndCapture() throws Exception {
        assertEquals(42, KernelHungParser.parse("42\n"));
        String captured = Fixtures.text("host-capture/proc/hung_task_detect_count");
        assertEquals(Long.parseLong(captured.strip()), KernelHungParser.parse(captured));
        assertEquals(-1L, KernelHungParser.parse("18446744073709551615\n"));
    }

    @Test
    void rejectsEmptyAndNegative() {
        assertThrows(ParseException.class, () -> KernelHungParser.parse(""));
        assertThrows(ParseException.class, () -> KernelHungParser.parse("-1\n"));
        assertThrows(ParseException.class, () -> KernelHungParser.parse("many\n"));
    }
}
