package dev.nodepulse.procfs.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.ParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcStatParserTest {

    private static final String SAMPLE = """
            cpu  301854 612 111922 8979004 3552 2 3944 0 44 36
            cpu0 44490 19 21045 1087069 220 1 3410 0 11 7
            cpu1 47869 23 16474 1110787 591 0 46 0 33 29
            intr 8885917 17 0 0 0
            ctxt 38014093
            btime 1418183276
            processes 26442
            procs_running 2
            procs_blocked 1
            softirq 5057579 250191 1481983 1647 211099 186066 0 1783454 622196 12499 508444
            """;

    @Test
    void parsesCountersAndConvertsTicks() throws Exception {
        ProcStat s = ProcStatParser.parse(SAMPLE, 100);
        assertEquals(2, s.cpus().size());
        CpuTimes cpu1 = s.cpus().get(1);
        assertEquals(1, cpu1.cpu());
        assertEquals(478.69, cpu1.user(), 1e-9);
        assertEquals(11107.87, cpu1.idle(), 1e-9);
        assertEquals(0.33, cpu1.guest(), 1e-9);
        assertEquals(0.29, cpu1.guestNice(), 1e-9);
        assertEquals(-1, s.total().cpu());
        assertEquals(8885917, s.interrupts());
        assertEquals(38014093, s.contextSwitches());
        assertEquals(1418183276, s.bootTime());
        assertEquals(26442, s.processesCreated());
        assertEquals(2, s.processesRunning());
        assertEquals(1, s.processesBlocked());
        assertEquals(5057579, s.softirqTotal());
        assertEquals(List.of(250191.0, 1481983.0, 1647.0, 211099.0, 186066.0, 0.0, 1783454.0, 622196.0, 12499.0, 508444.0),
                s.softirqs());
    }

    @Test
    void oldKernelsWithFewerColumnsLeaveZeros() throws Exception {
        ProcStat s = ProcStatParser.parse("cpu0 1 2 3 4\nbtime 5\n", 100);
        assertEquals(0.04, s.cpus().get(0).idle(), 1e-12);
        assertEquals(0, s.cpus().get(0).steal());
        assertEquals(-1, s.contextSwitches());
    }

    @Test
    void capturedHostFile() throws Exception {
        String text = Fixtures.text("host-capture/proc/stat");
        ProcStat s = ProcStatParser.parse(text, 100);
        long cpuLines = text.lines().filter(l -> l.matches("cpu\\d+ .*")).count();
        assertEquals(cpuLines, s.cpus().size());
        assertTrue(s.bootTime() > 1.7e9);
    }

    @Test
    void malformedInput() {
        assertThrows(ParseException.class, () -> ProcStatParser.parse("", 100));
        assertThrows(ParseException.class, () -> ProcStatParser.parse("cpu0 1 2\n", 100));
        assertThrows(ParseException.class, () -> ProcStatParser.parse("cpu0 1 2 x 4\n", 100));
        assertThrows(ParseException.class, () -> ProcStatParser.parse("cpuX 1 2 3 4\n", 100));
        ParseException e = assertThrows(ParseException.class, () -> ProcStatParser.parse("cpu0 1 2 3 4\nctxt\n", 100));
        assertTrue(e.getMessage().contains(":2:"), e.getMessage());
    }
}
