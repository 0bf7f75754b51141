package dev.nodepulse.procfs.proc;

import dev.nodepulse.procfs.io.GoStrconv;
import dev.nodepulse.procfs.io.Lines;
import dev.nodepulse.procfs.io.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * /proc/schedstat (Documentation/scheduler/sched-stats.rst). Only the per-CPU lines matter; "version",
 * "timestamp" and the "domainN" lines are skipped, as are cpu lines that do not have nine counters: the
 * format is versioned and node_exporter publishes what it recognises rather than failing.
 */
public final class SchedstatParser {

    private static final Pattern CPU_LINE = Pattern.compile(
            "cpu(\\d+) (\\d+) (\\d+) (\\d+) (\\d+) (\\d+) (\\d+) (\\d+) (\\d+) (\\d+)");

    private SchedstatParser() {}

    public static List<SchedstatCpu> parse(String text) {
        List<SchedstatCpu> cpus = new ArrayList<>();
        for (String line : Lines.of(text)) {
            Matcher m = CPU_LINE.matcher(line);
            if (!m.find()) {
                continue;
            }
            try {
                // fields 7, 8 and 9 of the line: running ns, waiting ns, timeslices
                double running = Numbers.unsignedToDouble(GoStrconv.parseUint(m.group(8), 10, 64));
                double waiting = Numbers.unsignedToDouble(GoStrconv.parseUint(m.group(9), 10, 64));
                double slices = Numbers.unsignedToDouble(GoStrconv.parseUint(m.group(10), 10, 64));
                cpus.add(new SchedstatCpu(m.group(1), running, waiting, slices));
            } catch (NumberFormatException e) {
                // beyond 64 bits: not a counter this parser understands, skipped like any unknown line
            }
        }
        return cpus;
    }
}
