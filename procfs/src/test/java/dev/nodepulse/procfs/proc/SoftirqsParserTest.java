package dev.nodepulse.procfs.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.ParseException;
import org.junit.jupiter.api.Test;

class SoftirqsParserTest {

    @Test
    void capturedFileHasAllTenVectorsInKernelOrder() throws Exception {
        String text = Fixtures.text("host-capture/proc/softirqs");
        Softirqs s = SoftirqsParser.parse(text);
        String[] lines = text.split("\n");
        assertEquals(lines.length - 1, s.vectors().size());
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].trim().split("\\s+");
            Softirqs.Vector v = s.vectors().get(i - 1);
            assertEquals(f[0].replace(":", ""), v.name());
            assertEquals(f.length - 1, v.perCpu().size());
            for (int c = 1; c < f.length; c++) {
                assertEquals(Double.parseDouble(f[c]), v.perCpu().get(c - 1));
            }
        }
    }

    @Test
    void unknownVectorsAreIgnoredAndBadCountsFail() throws Exception {
        Softirqs s = SoftirqsParser.parse("CPU0\nNEW_VEC: 5\nRCU: 7\nHI:\n");
        assertEquals(1, s.vectors().size());
        assertEquals("RCU", s.vectors().get(0).name());
        assertThrows(ParseException.class, () -> SoftirqsParser.parse("CPU0\nHI: -1\n"));
        assertThrows(ParseException.class, () -> SoftirqsParser.parse(""));
        assertTrue(SoftirqsParser.parse("CPU0\n").vectors().isEmpty());
    }
}
