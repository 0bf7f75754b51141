package dev.nodepulse.procfs.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.ParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CgroupSummaryParserTest {

    @Test
    void capturedFile() throws Exception {
        String text = Fixtures.text("host-capture/proc/cgroups");
        CgroupSummary s = CgroupSummaryParser.parse(text);
        List<String> lines = text.lines().filter(l -> !l.startsWith("#")).toList();
        assertEquals(lines.size(), s.controllers().size());
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\\s+");
            CgroupSummary.Controller c = s.controllers().get(i);
            assertEquals(f[0], c.name());
            assertEquals(Integer.parseInt(f[1]), c.hierarchy());
            assertEquals(Integer.parseInt(f[2]), c.cgroups());
            assertEquals(Integer.parseInt(f[3]), c.enabled());
        }
    }

    @Test
    void emptyAndMalformed() throws Exception {
        assertTrue(CgroupSummaryParser.parse("").controllers().isEmpty());
        assertTrue(CgroupSummaryParser.parse("#subsys_name\thierarchy\tnum_cgroups\tenabled\n").controllers().isEmpty());
        assertThrows(ParseException.class, () -> CgroupSummaryParser.parse("cpu\t3\t172\n"));
        assertThrows(ParseException.class, () -> CgroupSummaryParser.parse("cpu\t3\tmany\t1\n"));
    }
}
