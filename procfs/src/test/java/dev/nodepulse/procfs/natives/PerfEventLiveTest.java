package dev.nodepulse.procfs.natives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * perf_event_open on this host: a CPU-wide software page fault counter on every CPU counts at least the
 * minor faults this process causes between two reads (from /proc/self/stat), and no more than the whole
 * system's (/proc/vmstat pgfault), with some slack for faults only perf sees. Skips where the kernel does
 * not permit CPU-wide counting.
 */
class PerfEventLiveTest {

    private static final long PAGE_FAULTS = 2;

    private static long selfMinorFaults() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[7]); // field 10, minflt
    }

    private static long vmstat(String key) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/vmstat"))) {
            if (line.startsWith(key + " ")) {
                return Long.parseLong(line.substring(key.length() + 1).trim());
            }
        }
        throw new IOException("no " + key);
    }

    /** The kernel's CPU list format, "0-3,6". */
    private static List<Integer> online(String list) {
        List<Integer> cpus = new ArrayList<>();
        for (String part : list.split(",")) {
            String[] r = part.split("-");
            int from = Integer.parseInt(r[0]);
            int to = r.length == 2 ? Integer.parseInt(r[1]) : from;
            for (int c = from; c <= to; c++) {
                cpus.add(c);
            }
        }
        return cpus;
    }

    @Test
    void countsThePageFaultsOfThisProcessOnEveryCpu() throws Exception {
        List<Integer> cpus = online(Files.readString(Path.of("/sys/devices/system/cpu/online")).trim());
        PerfEvent[] events = new PerfEvent[cpus.size()];
        try {
            for (int i = 0; i < events.length; i++) {
                try {
                    events[i] = PerfEvent.open(PerfEventAttr.PERF_TYPE_SOFTWARE, PAGE_FAULTS, cpus.get(i));
                } catch (ErrnoException e) {
                    assumeTrue(false, "perf_event_open not permitted here: " + e.getMessage());
                }
                events[i].enable();
            }
            long vmBefore = vmstat("pgfault");
            long before = 0;
            for (PerfEvent e : events) {
                PerfCount c = e.read();
                assertTrue(c.timeEnabled() >= c.timeRunning(), c.toString());
                before += c.value();
            }
            long selfBefore = selfMinorFaults();
            ByteBuffer mem = ByteBuffer.allocateDirect(32 << 20);
            for (int i = 0; i < mem.capacity(); i += 4096) {
                mem.put(i, (byte) 1);
            }
            long selfDelta = selfMinorFaults() - selfBefore;
            long after = 0;
            for (PerfEvent e : events) {
                after += e.read().value();
            }
            long vmDelta = vmstat("pgfault") - vmBefore;
            long delta = after - before;
            assertTrue(selfDelta >= 4000, "touching 32 MiB caused only " + selfDelta + " minor faults");
            assertTrue(delta >= selfDelta, "perf counted " + delta + " page faults, this process alone had " + selfDelta);
            assertTrue(delta <= vmDelta + vmDelta / 10 + 1000, "perf counted " + delta + ", the system " + vmDelta);
            assertEquals(0, mem.get(1));
        } finally {
            for (PerfEvent e : events) {
                if (e != null) {
                    e.close();
                }
            }
        }
    }
}
