package dev.nodepulse.cgroups.stats;

import dev.nodepulse.procfs.ParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * The "key value" line files of cgroupfs: memory.stat, cpu.stat, cpuacct.stat, memory.events,
 * memory.oom_control. Values are unsigned 64-bit; ones beyond a signed long are clamped, which no counter
 * these files hold reaches.
 */
public final class KeyValueParser {

    private KeyValueParser() {}

    public static Map<String, Long> parse(String text, Object source) throws ParseException {
        Map<String, Long> out = new HashMap<>(64);
        int n = text.length();
        int start = 0;
        int lineNo = 0;
        while (start < n) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            lineNo++;
            if (end > start) {
                int sp = text.indexOf(' ', start);
                if (sp < 0 || sp >= end) {
                    throw ParseException.badLine(String.valueOf(source), lineNo, text.substring(start, end), "expected \"key value\"");
                }
                String key = text.substring(start, sp);
                out.put(key, parseUnsigned(text, sp + 1, end, source, lineNo));
            }
            start = end + 1;
        }
        return out;
    }

    /** A decimal unsigned integer in text[from, to), surrounding blanks allowed; clamped to Long.MAX_VALUE. */
    static long parseUnsigned(String text, int from, int to, Object source, int lineNo) throws ParseException {
        while (from < to && text.charAt(from) == ' ') {
            from++;
        }
        while (to > from && (text.charAt(to - 1) == ' ' || text.charAt(to - 1) == '\r')) {
            to--;
        }
        if (from == to) {
            throw ParseException.badLine(String.valueOf(source), lineNo, text.substring(from, to), "missing value");
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw ParseException.badLine(String.valueOf(source), lineNo, text.substring(from, to), "not an unsigned integer");
            }
            int d = c - '0';
            if (v > (Long.MAX_VALUE - d) / 10) {
                return Long.MAX_VALUE;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** One integer file (memory.usage_in_bytes, pids.current); "max" is {@link CgroupSpec#UNLIMITED}. */
    public static long parseSingle(String text, Object source) throws ParseException {
        String s = text.strip();
        if (s.equals("max")) {
            return CgroupSpec.UNLIMITED;
        }
        if (s.startsWith("-")) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw new ParseException(source + ": not an integer: \"" + s + "\"");
            }
        }
        return parseUnsigned(s, 0, s.length(), source, 1);
    }
}
