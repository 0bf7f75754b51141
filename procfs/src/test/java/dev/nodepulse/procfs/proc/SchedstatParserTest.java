package dev.nodepulse.procfs.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nodepulse.procfs.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedstatParserTest {

    @Test
    void readsTheCpuLinesOfVersion15() throws Exception {
        List<SchedstatCpu> cpus = SchedstatParser.parse(Fixtures.text("handwritten/proc/schedstat"));
        assertEquals(2, cpus.size());
        assertEquals(new SchedstatCpu("0", 1285476302441.0, 26937617069.0, 4211562), cpus.get(0));
        assertEquals(new SchedstatCpu("1", 1313367098812.0, 31106212624.0, 4394213), cpus.get(1));
    }

    @Test
    void skipsWhatItDoesNotRecognise() {
        String text = """
                version 15
                cpu0 1 2 3
                cpu1 0 0 0 0 0 0 7 8 9
                cpu2 0 0 0 0 0 0 x 8 9
                cpu3 0 0 0 0 0 0 99999999999999999999999 8 9
                domain0 00000003 1 2 3
                """;
        List<SchedstatCpu> cpus = SchedstatParser.parse(text);
        assertEquals(List.of(new SchedstatCpu("1", 7, 8, 9)), cpus);
    }

    @Test
    void emptyFileHasNoCpus() {
        assertEquals(List.of(), SchedstatParser.parse(""));
    }

    @Test
    void largestCountersStayUnsigned() {
        List<SchedstatCpu> cpus = SchedstatParser.parse("cpu0 0 0 0 0 0 0 18446744073709551615 0 0\n");
        assertEquals(1.8446744073709552e19, cpus.get(0).runningNanoseconds());
    }
}
