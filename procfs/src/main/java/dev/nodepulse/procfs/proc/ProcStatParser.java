package dev.nodepulse.procfs.proc;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.Lines;
import dev.nodepulse.procfs.io.Numbers;
import java.util.ArrayList;
import java.util.List;

/** /proc/stat, see proc(5). */
public final class ProcStatParser {

    private static final String SRC = "/proc/stat";

    private ProcStatParser() {}

    /** @param userHz the kernel's USER_HZ (sysconf(_SC_CLK_TCK)), the unit of the cpu lines. */
    public static ProcStat parse(String text, long userHz) throws ParseException {
        CpuTimes total = null;
        List<CpuTimes> cpus = new ArrayList<>();
        double intr = -1, ctxt = -1, btime = -1, processes = -1, running = -1, blocked = -1, softirqTotal = -1;
        List<Double> softirqs = new ArrayList<>();
        List<String> lines = Lines.of(text);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String[] f = Lines.fields(line);
            if (f.length == 0) {
                continue;
            }
            String key = f[0];
            if (key.startsWith("cpu")) {
                CpuTimes t = cpuLine(f, userHz, i + 1, line);
                if (t.cpu() < 0) {
                    total = t;
                } else {
                    cpus.add(t);
                }
                continue;
            }
            if (f.length < 2) {
                throw ParseException.badLine(SRC, i + 1, line, "no value");
            }
            switch (key) {
                case "intr" -> intr = Numbers.parseUnsigned(f[1], SRC + " intr");
                case "ctxt" -> ctxt = Numbers.parseUnsigned(f[1], SRC + " ctxt");
                case "btime" -> btime = Numbers.parseUnsigned(f[1], SRC + " btime");
                case "processes" -> processes = Numbers.parseUnsigned(f[1], SRC + " processes");
                case "procs_running" -> running = Numbers.parseUnsigned(f[1], SRC + " procs_running");
                case "procs_blocked" -> blocked = Numbers.parseUnsigned(f[1], SRC + " procs_blocked");
                case "softirq" -> {
                    softirqTotal = Numbers.parseUnsigned(f[1], SRC + " softirq");
                    for (int k = 2; k < f.length; k++) {
                        softirqs.add(Numbers.parseUnsigned(f[k], SRC + " softirq"));
                    }
                }
                default -> {
                    // page, swap and other lines of old kernels carry nothing node_exporter publishes.
                }
            }
        }
        if (total == null && cpus.isEmpty()) {
            throw new ParseException(SRC + ": no cpu lines");
        }
        return new ProcStat(total, List.copyOf(cpus), intr, ctxt, btime, processes, running, blocked,
                softirqTotal, List.copyOf(softirqs));
    }

    private static CpuTimes cpuLine(String[] f, long userHz, int lineNo, String line) throws ParseException {
        int cpu;
        if (f[0].equals("cpu")) {
            cpu = -1;
        } else {
            try {
                cpu = Integer.parseInt(f[0].substring(3));
            } catch (NumberFormatException e) {
                throw ParseException.badLine(SRC, lineNo, line, "bad cpu name");
            }
        }
        if (f.length < 5) {
            throw ParseException.badLine(SRC, lineNo, line, "expected at least 4 time columns");
        }
        double[] v = new double[10];
        for (int k = 1; k < f.length && k <= 10; k++) {
            v[k - 1] = Numbers.parseUnsigned(f[k], SRC + " " + f[0]) / userHz;
        }
        return new CpuTimes(cpu, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]);
    }
}
