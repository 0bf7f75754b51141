package dev.nodepulse.procfs.proc;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.Lines;
import dev.nodepulse.procfs.io.Numbers;

/**
 * /proc/[pid]/stat. The command name is in parentheses and may itself contain spaces and parentheses, so
 * the fields after it are found from the last ')'.
 */
public final class PidStatParser {

    private PidStatParser() {}

    public static PidStat parse(String text) throws ParseException {
        int open = text.indexOf('(');
        int close = text.lastIndexOf(')');
        if (open < 0 || close < open) {
            throw new ParseException("/proc/[pid]/stat: no command name in \"" + abbreviate(text) + "\"");
        }
        int pid = (int) Numbers.parseLong(text.substring(0, open).strip(), "/proc/[pid]/stat pid");
        String comm = text.substring(open + 1, close);
        String[] f = Lines.fields(text.substring(close + 1));
        // f[0] is field 3 (state) of proc(5); field n is f[n - 3].
        if (f.length < 22) {
            throw new ParseException("/proc/" + pid + "/stat: expected at least 24 fields, got " + (f.length + 2));
        }
        String what = "/proc/" + pid + "/stat";
        return new PidStat(pid, comm, f[0].charAt(0),
                (int) Numbers.parseLong(f[1], what + " ppid"),
                Numbers.parseLong(f[11], what + " utime"),
                Numbers.parseLong(f[12], what + " stime"),
                (int) Numbers.parseLong(f[17], what + " num_threads"),
                Numbers.parseLong(f[19], what + " starttime"),
                Long.parseUnsignedLong(f[20]),
                Numbers.parseLong(f[21], what + " rss"));
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s.strip();
    }
}
