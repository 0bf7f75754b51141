package dev.nodepulse.procfs.proc;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.Lines;
import dev.nodepulse.procfs.io.Numbers;

/** /proc/loadavg: "0.21 0.37 0.39 1/719 19737". */
public final class LoadavgParser {

    private LoadavgParser() {}

    public static Loadavg parse(String text) throws ParseException {
        String[] f = Lines.fields(text);
        if (f.length < 3) {
            throw new ParseException("/proc/loadavg: expected at least 3 fields, got " + f.length + ": \"" + text.strip() + "\"");
        }
        long runnable = Loadavg.ABSENT;
        long tasks = Loadavg.ABSENT;
        if (f.length >= 4) {
            int slash = f[3].indexOf('/');
            if (slash < 0) {
                throw new ParseException("/proc/loadavg: fourth field is not runnable/total: \"" + f[3] + "\"");
            }
            runnable = Numbers.parseLong(f[3].substring(0, slash), "/proc/loadavg runnable");
            tasks = Numbers.parseLong(f[3].substring(slash + 1), "/proc/loadavg tasks");
        }
        return new Loadavg(Numbers.parseDouble(f[0], "/proc/loadavg load1"),
                Numbers.parseDouble(f[1], "/proc/loadavg load5"),
                Numbers.parseDouble(f[2], "/proc/loadavg load15"), runnable, tasks);
    }
}
