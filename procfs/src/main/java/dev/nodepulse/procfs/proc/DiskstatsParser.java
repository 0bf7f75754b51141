package dev.nodepulse.procfs.proc;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.Lines;
import java.util.ArrayList;
import java.util.List;

/**
 * /proc/diskstats: {@code major minor name} and then 11, 15 or 17 counters depending on the kernel.
 * As in procfs, a line with fewer than 11 counters is skipped (it cannot be a block device line) and a
 * field that is not an unsigned integer fails the whole file.
 */
public final class DiskstatsParser {

    /** major, minor, name and the 11 counters every kernel since 2.6 prints. */
    private static final int MIN_FIELDS = 14;

    private DiskstatsParser() {}

    public static List<Diskstats> parse(String text, String source) throws ParseException {
        List<Diskstats> out = new ArrayList<>();
        List<String> lines = Lines.of(text);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String[] f = Lines.fields(line);
            int used = Math.min(f.length, 3 + Diskstats.MAX_COUNTERS);
            // Every field present is checked before the short-line rule applies, as a scanner reading
            // left to right would fail on the first bad number whatever the line's length.
            long major = 0;
            long minor = 0;
            List<Long> counters = new ArrayList<>(Diskstats.MAX_COUNTERS);
            for (int k = 0; k < used; k++) {
                if (k == 2) {
                    continue;
                }
                long v = unsigned(f[k], source, i + 1, line, k);
                if (k == 0 || k == 1) {
                    if (v > 0xffffffffL || v < 0) {
                        throw ParseException.badLine(source, i + 1, line, "device number out of range");
                    }
                    if (k == 0) {
                        major = v;
                    } else {
                        minor = v;
                    }
                } else {
                    counters.add(v);
                }
            }
            if (used < MIN_FIELDS) {
                continue;
            }
            out.add(new Diskstats(major, minor, f[2], counters));
        }
        return out;
    }

    private static long unsigned(String s, String source, int lineNumber, String line, int field)
            throws ParseException {
        if (s.isEmpty() || s.charAt(0) == '+' || s.charAt(0) == '-') {
            throw ParseException.badLine(source, lineNumber, line, "field " + (field + 1) + " is not an unsigned integer");
        }
        try {
            return Long.parseUnsignedLong(s);
        } catch (NumberFormatException e) {
            throw ParseException.badLine(source, lineNumber, line, "field " + (field + 1) + " is not an unsigned integer");
        }
    }
}
