package dev.nodepulse.procfs.io;

import java.util.Locale;

/**
 * Number syntax as Go's strconv accepts it. node_exporter's parsers use strconv, and what it accepts or
 * rejects decides whether a value is published, skipped or fails a collector; Java's own parsers differ
 * at the edges (surrounding blanks, "1d", "Infinity", base prefixes), so readers that must agree with
 * node_exporter on those edges go through here. Go's digit-separating underscores are not accepted: the
 * kernel never prints them.
 */
public final class GoStrconv {

    private GoStrconv() {}

    /**
     * strconv.ParseUint(s, base, bits). Base 0 takes the base from the prefix (0x, 0o, 0b, or a leading 0 for
     * octal). Throws NumberFormatException on syntax or range errors.
     */
    public static long parseUint(String s, int base, int bits) {
        String digits = s;
        if (base == 0) {
            base = 10;
            if (s.length() > 1 && s.charAt(0) == '0') {
                char p = Character.toLowerCase(s.charAt(1));
                if (p == 'x' || p == 'o' || p == 'b') {
                    base = p == 'x' ? 16 : p == 'o' ? 8 : 2;
                    digits = s.substring(2);
                } else {
                    base = 8;
                    digits = s.substring(1);
                }
            }
        }
        if (digits.isEmpty() || !Character.isLetterOrDigit(digits.charAt(0))) {
            throw new NumberFormatException("invalid syntax: \"" + s + "\"");
        }
        long v = Long.parseUnsignedLong(digits, base);
        if (bits < 64 && Long.compareUnsigned(v, (1L << bits) - 1) > 0) {
            throw new NumberFormatException("value out of range: \"" + s + "\"");
        }
        return v;
    }

    /** strconv.ParseInt(s, 10, 64): an optional sign and decimal digits, nothing else. */
    public static long parseInt(String s) {
        int start = !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
        if (start == s.length()) {
            throw new NumberFormatException("invalid syntax: \"" + s + "\"");
        }
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException("invalid syntax: \"" + s + "\"");
            }
        }
        return Long.parseLong(start == 1 && s.charAt(0) == '+' ? s.substring(1) : s);
    }

    /**
     * strconv.ParseFloat(s, 64): decimal or hexadecimal ("0x1p-2") floats, "inf"/"infinity" (signed) and
     * "nan" in any case; no surrounding blanks and none of Java's "d"/"f" suffixes.
     */
    public static double parseFloat(String s) {
        boolean signed = !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-');
        String body = signed ? s.substring(1) : s;
        String lower = body.toLowerCase(Locale.ROOT);
        if (lower.equals("inf") || lower.equals("infinity")) {
            return s.charAt(0) == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (lower.equals("nan") && !signed) {
            return Double.NaN;
        }
        boolean hex = lower.startsWith("0x");
        if (body.isEmpty() || !(Character.isDigit(body.charAt(0)) || body.charAt(0) == '.')) {
            throw new NumberFormatException("invalid syntax: \"" + s + "\"");
        }
        for (int i = hex ? 2 : 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || c == '.' || c == '+' || c == '-'
                    || (hex ? (c >= 'a' && c <= 'f') || c == 'p' : c == 'e');
            if (!ok) {
                throw new NumberFormatException("invalid syntax: \"" + s + "\"");
            }
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new NumberFormatException("invalid syntax: \"" + s + "\"");
        }
    }
}
