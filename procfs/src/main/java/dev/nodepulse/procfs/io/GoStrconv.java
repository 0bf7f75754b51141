package dev.nodepulse.procfs.io;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Number syntax as Go's strconv accepts it. node_exporter's parsers use strconv, and what it accepts or
 * rejects decides whether a value is published, skipped or fails a collector; Java's own parsers differ
 * at the edges (surrounding blanks, "1d", "Infinity", a leading '+' on unsigned text, non-ASCII digits,
 * base prefixes), so readers that must agree with node_exporter on those edges go through here.
 * Unsigned results are the raw 64 bits in a long; {@link Numbers#unsignedToDouble} publishes them.
 */
public final class GoStrconv {

    private static final Pattern DECIMAL_FLOAT = Pattern.compile(
            "[+-]?([0-9_]+(\\.[0-9_]*)?|\\.[0-9_]+)([eE][+-]?[0-9][0-9_]*)?");
    private static final Pattern HEX_FLOAT = Pattern.compile(
            "[+-]?0[xX]([0-9a-fA-F_]+(\\.[0-9a-fA-F_]*)?|\\.[0-9a-fA-F_]+)[pP][+-]?[0-9][0-9_]*");

    private GoStrconv() {}

    /**
     * strconv.ParseUint(s, base, bits). Base 0 takes the base from the prefix (0x, 0o, 0b, or a leading 0
     * for octal) and allows Go's digit-separating underscores. Throws NumberFormatException on syntax or
     * range errors.
     */
    public static long parseUint(String s, int base, int bits) {
        if (s.isEmpty()) {
            throw syntax(s);
        }
        boolean base0 = base == 0;
        String digits = s;
        if (base0) {
            base = 10;
            if (s.charAt(0) == '0') {
                char p = s.length() >= 3 ? lower(s.charAt(1)) : ' ';
                if (p == 'b' || p == 'o' || p == 'x') {
                    base = p == 'b' ? 2 : p == 'o' ? 8 : 16;
                    digits = s.substring(2);
                } else {
                    base = 8;
                    digits = s.substring(1);
                }
            }
        } else if (base < 2 || base > 36) {
            throw new IllegalArgumentException("invalid base " + base);
        }
        long max = bits >= 64 ? -1L : (1L << bits) - 1;
        long cutoff = Long.divideUnsigned(-1L, base) + 1;
        boolean underscores = false;
        long n = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            int d;
            if (c == '_' && base0) {
                underscores = true;
                continue;
            } else if (c >= '0' && c <= '9') {
                d = c - '0';
            } else if (lower(c) >= 'a' && lower(c) <= 'z') {
                d = lower(c) - 'a' + 10;
            } else {
                throw syntax(s);
            }
            if (d >= base) {
                throw syntax(s);
            }
            if (Long.compareUnsigned(n, cutoff) >= 0) {
                throw range(s);
            }
            n *= base;
            long n1 = n + d;
            if (Long.compareUnsigned(n1, n) < 0 || Long.compareUnsigned(n1, max) > 0) {
                throw range(s);
            }
            n = n1;
        }
        if (underscores && !underscoreOk(s)) {
            throw syntax(s);
        }
        return n;
    }

    /** strconv.ParseInt(s, base, bits): an optional sign, then what {@link #parseUint} reads, in range. */
    public static long parseInt(String s, int base, int bits) {
        if (s.isEmpty()) {
            throw syntax(s);
        }
        boolean negative = s.charAt(0) == '-';
        String magnitude = s.charAt(0) == '+' || negative ? s.substring(1) : s;
        long un;
        try {
            un = parseUint(magnitude, base, bits);
        } catch (NumberFormatException e) {
            throw new NumberFormatException(e.getMessage().replace("\"" + magnitude + "\"", "\"" + s + "\""));
        }
        long cutoff = 1L << (bits - 1);
        if (!negative && Long.compareUnsigned(un, cutoff) >= 0 || negative && Long.compareUnsigned(un, cutoff) > 0) {
            throw range(s);
        }
        return negative ? -un : un;
    }

    /**
     * strconv.ParseFloat(s, 64): decimal or hexadecimal ("0x1p-2", the 'p' exponent required) floats with
     * Go's underscores, "inf"/"infinity" (optionally signed) and "nan" in any case; no surrounding blanks
     * and none of Java's "d"/"f" suffixes. Like the parsers this replaces, a value beyond the double range
     * is an infinity rather than Go's range error.
     */
    public static double parseFloat(String s) {
        boolean signed = !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-');
        String body = (signed ? s.substring(1) : s).toLowerCase(Locale.ROOT);
        if (body.equals("inf") || body.equals("infinity")) {
            return s.charAt(0) == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (body.equals("nan") && !signed) {
            return Double.NaN;
        }
        boolean hex = HEX_FLOAT.matcher(s).matches();
        if (!hex && !DECIMAL_FLOAT.matcher(s).matches() || !hasMantissaDigit(s, hex)) {
            throw syntax(s);
        }
        if (s.indexOf('_') >= 0) {
            if (!underscoreOk(s)) {
                throw syntax(s);
            }
            s = s.replace("_", "");
        }
        return Double.parseDouble(s);
    }

    /** strconv.ParseFloat(s, 32): the nearest float32, widened back to double. */
    public static double parseFloat32(String s) {
        return (double) (float) parseFloat(s);
    }

    /** Whether the mantissa (before any exponent) has a digit, not only underscores and a point. */
    private static boolean hasMantissaDigit(String s, boolean hex) {
        int i = s.charAt(0) == '+' || s.charAt(0) == '-' ? 1 : 0;
        if (hex) {
            i += 2;
        }
        for (; i < s.length(); i++) {
            char c = lower(s.charAt(i));
            if (c >= '0' && c <= '9' || hex && c >= 'a' && c <= 'f') {
                return true;
            }
            if (c != '_' && c != '.') {
                return false;
            }
        }
        return false;
    }

    /**
     * Go's underscoreOK: an underscore only between digits, or between a base prefix and a digit. Applied
     * to the whole number, sign, point and exponent included.
     */
    private static boolean underscoreOk(String s) {
        char saw = '^';
        int i = 0;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            s = s.substring(1);
        }
        boolean hex = false;
        if (s.length() >= 2 && s.charAt(0) == '0') {
            char p = lower(s.charAt(1));
            if (p == 'b' || p == 'o' || p == 'x') {
                i = 2;
                saw = '0';
                hex = p == 'x';
            }
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9' || hex && lower(c) >= 'a' && lower(c) <= 'f') {
                saw = '0';
                continue;
            }
            if (c == '_') {
                if (saw != '0') {
                    return false;
                }
                saw = '_';
                continue;
            }
            if (saw == '_') {
                return false;
            }
            saw = '!';
        }
        return saw != '_';
    }

    /** ASCII letters lower-cased; everything else (non-ASCII digits included) left to fail as Go's bytes do. */
    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    private static NumberFormatException syntax(String s) {
        return new NumberFormatException("invalid syntax: \"" + s + "\"");
    }

    private static NumberFormatException range(String s) {
        return new NumberFormatException("value out of range: \"" + s + "\"");
    }
}
