package dev.nodepulse.cgroups.stats;

import dev.nodepulse.procfs.ParseException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The "key value" line files of cgroupfs: memory.stat, cpu.stat, cpuacct.stat, memory.events,
 * memory.oom_control. Values are unsigned 64-bit; ones beyond a signed long are clamped, which no counter
 * these files hold reaches.
 *
 * <p>The walk uses {@link #select}: it checks every line as {@link #parse} does but keeps only the keys asked for,
 * as longs, without a String or a boxed value per line.
 */
public final class KeyValueParser {

    /** The value {@link #select} leaves for a key the file does not have (values themselves are never negative). */
    public static final long MISSING = -1;

    private KeyValueParser() {}

    /** Keys to pick out of a file with {@link #select}, encoded once. */
    public static final class Keys {
        private final byte[][] keys;

        public Keys(String... names) {
            keys = new byte[names.length][];
            for (int i = 0; i < names.length; i++) {
                keys[i] = names[i].getBytes(StandardCharsets.ISO_8859_1);
            }
        }

        public int size() {
            return keys.length;
        }

        /** The index of the key data[from, to), or -1. */
        int indexOf(byte[] data, int from, int to) {
            int len = to - from;
            for (int k = 0; k < keys.length; k++) {
                byte[] key = keys[k];
                if (key.length == len && matches(key, data, from)) {
                    return k;
                }
            }
            return -1;
        }

        private static boolean matches(byte[] key, byte[] data, int from) {
            for (int i = key.length - 1; i >= 0; i--) {
                if (key[i] != data[from + i]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Receives each line's key and value. */
    private interface LineSink {
        void line(byte[] data, int keyFrom, int keyTo, long value);
    }

    /** Every key and value; a later line with the same key wins. */
    public static Map<String, Long> parse(String text, Object source) throws ParseException {
        Map<String, Long> out = new HashMap<>(64);
        scan(FileBytes.of(text), source,
                (data, from, to, value) -> out.put(new String(data, from, to - from, StandardCharsets.ISO_8859_1), value));
        return out;
    }

    /**
     * Checks every line and stores the value of each key of {@code keys} in {@code out} at the key's index
     * ({@link #MISSING} when the file lacks it; a later line with the same key wins).
     *
     * @return the number of "key value" lines
     */
    public static int select(FileBytes file, Keys keys, long[] out, Object source) throws ParseException {
        java.util.Arrays.fill(out, 0, keys.size(), MISSING);
        return scan(file, source, (data, from, to, value) -> {
            int k = keys.indexOf(data, from, to);
            if (k >= 0) {
                out[k] = value;
            }
        });
    }

    private static int scan(FileBytes file, Object source, LineSink sink) throws ParseException {
        byte[] d = file.data;
        int n = file.length;
        int start = 0;
        int lineNo = 0;
        int lines = 0;
        while (start < n) {
            int end = FileBytes.indexOf(d, (byte) '\n', start, n);
            lineNo++;
            if (end > start) {
                int sp = FileBytes.indexOf(d, (byte) ' ', start, end);
                if (sp == end) {
                    throw ParseException.badLine(String.valueOf(source), lineNo, file.text(start, end),
                            "expected \"key value\"");
                }
                sink.line(d, start, sp, parseUnsigned(file, sp + 1, end, source, lineNo));
                lines++;
            }
            start = end + 1;
        }
        return lines;
    }

    /** A decimal unsigned integer in text[from, to), surrounding blanks allowed; clamped to Long.MAX_VALUE. */
    static long parseUnsigned(String text, int from, int to, Object source, int lineNo) throws ParseException {
        return parseUnsigned(FileBytes.of(text), from, to, source, lineNo);
    }

    /** A decimal unsigned integer in file[from, to), surrounding blanks allowed; clamped to Long.MAX_VALUE. */
    static long parseUnsigned(FileBytes file, int from, int to, Object source, int lineNo) throws ParseException {
        byte[] d = file.data;
        while (from < to && d[from] == ' ') {
            from++;
        }
        while (to > from && (d[to - 1] == ' ' || d[to - 1] == '\r')) {
            to--;
        }
        if (from == to) {
            throw ParseException.badLine(String.valueOf(source), lineNo, "", "missing value");
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            int c = d[i] - '0';
            if (c < 0 || c > 9) {
                throw ParseException.badLine(String.valueOf(source), lineNo, file.text(from, to),
                        "not an unsigned integer");
            }
            if (v > (Long.MAX_VALUE - c) / 10) {
                return Long.MAX_VALUE;
            }
            v = v * 10 + c;
        }
        return v;
    }

    /** One integer file (memory.usage_in_bytes, pids.current); "max" is {@link CgroupSpec#UNLIMITED}. */
    public static long parseSingle(String text, Object source) throws ParseException {
        return parseSingle(FileBytes.of(text), source);
    }

    /** One integer file (memory.usage_in_bytes, pids.current); "max" is {@link CgroupSpec#UNLIMITED}. */
    public static long parseSingle(FileBytes file, Object source) throws ParseException {
        byte[] d = file.data;
        int from = 0;
        int to = file.length;
        while (from < to && FileBytes.isWhitespace(d[from])) {
            from++;
        }
        while (to > from && FileBytes.isWhitespace(d[to - 1])) {
            to--;
        }
        if (to - from == 3 && d[from] == 'm' && d[from + 1] == 'a' && d[from + 2] == 'x') {
            return CgroupSpec.UNLIMITED;
        }
        if (from < to && d[from] == '-') {
            String s = file.text(from, to);
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw new ParseException(source + ": not an integer: \"" + s + "\"");
            }
        }
        return parseUnsigned(file, from, to, source, 1);
    }
}
