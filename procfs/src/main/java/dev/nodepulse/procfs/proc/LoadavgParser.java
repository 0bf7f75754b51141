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
        return new Loadavg(Numbers.parseDouble(f[0], "/proc/loadavg load1"),
                Numbers.parseDouble(f[1], "/proc/loadavg load5"),
                Numbers.parseDouble(f[2], "/proc/loadavg load15"));
    }
}
