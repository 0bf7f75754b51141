package dev.nodepulse.procfs.proc;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.Lines;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * /proc/net/sockstat and /proc/net/sockstat6: {@code PROTO: key value key value ...} lines, fields separated
 * by single spaces. Values are integers read the way Go's strconv.ParseInt with base 0 reads them (procfs
 * does), so a 0x, 0o or 0b prefix, a leading 0 (octal) and digit-separating underscores are honoured.
 */
public final class SockstatParser {

    private SockstatParser() {}

    /** @param source the file's name for error messages. */
    public static Sockstat parse(String text, String source) throws ParseException {
        OptionalLong used = OptionalLong.empty();
        List<Sockstat.Protocol> protocols = new ArrayList<>();
        List<String> lines = Lines.of(text);
        for (int i = 0; i < lines.size(); i++) {
            String line = NetstatParser.chomp(lines.get(i));
            String[] f = line.split(" ", -1);
            if (f.length < 3) {
                throw ParseException.badLine(source, i + 1, line, "expected a protocol and key/value pairs");
            }
            if ((f.length - 1) % 2 != 0) {
                throw ParseException.badLine(source, i + 1, line, "odd number of fields in key/value pairs");
            }
            Map<String, Long> kv = new LinkedHashMap<>();
            for (int k = 1; k < f.length; k += 2) {
                Long v = goInt(f[k + 1]);
                if (v == null) {
                    throw ParseException.badLine(source, i + 1, line, "not an integer: \"" + f[k + 1] + "\"");
                }
                kv.put(f[k], v);
            }
            String protocol = f[0].endsWith(":") ? f[0].substring(0, f[0].length() - 1) : f[0];
            if (protocol.equals("sockets")) {
                used = OptionalLong.of(kv.getOrDefault("used", 0L));
            } else {
                protocols.add(new Sockstat.Protocol(protocol, Collections.unmodifiableMap(kv)));
            }
        }
        return new Sockstat(used, List.copyOf(protocols));
    }

    /** Go's strconv.ParseInt(s, 0, 64), or null where it fails. */
    static Long goInt(String s) {
        if (s.isEmpty() || !underscoresBetweenDigits(s)) {
            return null;
        }
        int i = 0;
        boolean negative = false;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            negative = s.charAt(0) == '-';
            i = 1;
            if (s.length() == 1) {
                return null;
            }
        }
        int base = 10;
        if (s.charAt(i) == '0') {
            char p = s.length() - i >= 3 ? Character.toLowerCase(s.charAt(i + 1)) : 0;
            if (p == 'b' || p == 'o' || p == 'x') {
                base = p == 'b' ? 2 : p == 'o' ? 8 : 16;
                i += 2;
            } else {
                base = 8;
                i += 1;
            }
        }
        // Accumulate negatively so Long.MIN_VALUE fits.
        long v = 0;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_') {
                continue;
            }
            int d = c >= '0' && c <= '9' ? c - '0'
                    : c >= 'a' && c <= 'z' ? c - 'a' + 10
                    : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : 99;
            if (d >= base) {
                return null;
            }
            if (v < Long.MIN_VALUE / base) {
                return null;
            }
            long next = v * base - d;
            if (next > v) {
                return null;
            }
            v = next;
        }
        if (!negative) {
            if (v == Long.MIN_VALUE) {
                return null;
            }
            v = -v;
        }
        return v;
    }

    /** Go's rule for base-0 literals: an underscore only between digits (or after a base prefix). */
    private static boolean underscoresBetweenDigits(String s) {
        int i = 0;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            i = 1;
        }
        char saw = '^';
        boolean hex = false;
        if (s.length() - i >= 2 && s.charAt(i) == '0') {
            char p = Character.toLowerCase(s.charAt(i + 1));
            if (p == 'b' || p == 'o' || p == 'x') {
                i += 2;
                saw = '0';
                hex = p == 'x';
            }
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            char l = Character.toLowerCase(c);
            if ((c >= '0' && c <= '9') || (hex && l >= 'a' && l <= 'f')) {
                saw = '0';
            } else if (c == '_') {
                if (saw != '0') {
                    return false;
                }
                saw = '_';
            } else {
                if (saw == '_') {
                    return false;
                }
                saw = '!';
            }
        }
        return saw != '_';
    }
}
