package dev.nodepulse.procfs.io;

import java.util.regex.Pattern;

/**
 * Number syntax as node_exporter's Go parsers accept it (strconv.ParseInt/ParseUint/ParseFloat), where it
 * differs from Java's: base 0 infers the base from a 0x/0o/0b/0 prefix, and Java's extras ("1d", "1f",
 * leading '+' for unsigned) are rejected. Unsigned results are the raw 64 bits in a long; use
 * {@link #unsignedToDouble} to publish them.
 */
public final class GoNumbers {

    private static final Pattern DECIMAL_FLOAT = Pattern.compile(
            "[+-]?(\\d+(_\\d+)*(\\.(\\d+(_\\d+)*)?)?|\\.\\d+(_\\d+)*)([eE][+-]?\\d+)?");
    private static final Pattern HEX_FLOAT = Pattern.compile(
            "[+-]?0[xX]([0-9a-fA-F]+(\\.[0-9a-fA-F]*)?|\\.[0-9a-fA-F]+)[pP][+-]?\\d+");

    private GoNumbers() {}

    /** strconv.ParseUint(s, base, 64); base 0 infers it from the prefix. Throws NumberFormatException. */
    public static long parseUnsigned(String s, int base) {
        if (s.isEmpty() || s.charAt(0) == '+' || s.charAt(0) == '-') {
            throw new NumberFormatException("invalid syntax: \"" + s + "\"");
        }
        String digits = s;
        int radix = base;
        if (base == 0) {
            radix = 10;
            if (s.length() > 1 && s.charAt(0) == '0') {
                char p = Character.toLowerCase(s.charAt(1));
                if (p == 'x') {
                    radix = 16;
                    digits = s.substring(2);
                } else if (p == 'b') {
                    radix = 2;
                    digits = s.substring(2);
                } else if (p == 'o') {
                    radix = 8;
                    digits = s.substring(2);
                } else {
                    radix = 8;
                    digits = s.substring(1);
                }
            }
            digits = withoutUnderscores(digits, s);
        }
        if (digits.isEmpty() || digits.charAt(0) == '+' || digits.charAt(0) == '-') {
            throw new NumberFormatException("invalid syntax: \"" + s + "\"");
        }
        return Long.parseUnsignedLong(digits, radix);
    }

    /** strconv.ParseInt(s, base, bits): a signed value that must fit in {@code bits} bits. */
    public static long parseSigned(String s, int base, int bits) {
        if (s.isEmpty()) {
            throw new NumberFormatException("invalid syntax: \"\"");
        }
        boolean negative = s.charAt(0) == '-';
        String body = s.charAt(0) == '-' || s.charAt(0) == '+' ? s.substring(1) : s;
        long magnitude = parseUnsigned(body, base);
        long limit = bits >= 64 ? Long.MIN_VALUE : 1L << (bits - 1);
        if (negative) {
            if (Long.compareUnsigned(magnitude, limit) > 0) {
                throw new NumberFormatException("value out of range: \"" + s + "\"");
            }
            return -magnitude;
        }
        if (bits >= 64 ? magnitude < 0 : magnitude >= limit) {
            throw new NumberFormatException("value out of range: \"" + s + "\"");
        }
        return magnitude;
    }

    /** strconv.ParseFloat(s, 64), including "inf", "infinity" and "nan" in any case. */
    public static double parseFloat(String s) {
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (unsigned.equals("nan")) {
            return Double.NaN;
        }
        if (DECIMAL_FLOAT.matcher(s).matches()) {
            return Double.parseDouble(s.replace("_", ""));
        }
        if (HEX_FLOAT.matcher(s).matches()) {
            return Double.parseDouble(s);
        }
        throw new NumberFormatException("invalid syntax: \"" + s + "\"");
    }

    /** strconv.ParseFloat(s, 32): the nearest float32, widened back to double. */
    public static double parseFloat32(String s) {
        return (double) (float) parseFloat(s);
    }

    /** A u64 held in a long, as the double Go's float64(u) gives. */
    public static double unsignedToDouble(long v) {
        return Numbers.unsignedToDouble(v);
    }

    private static String withoutUnderscores(String digits, String original) {
        if (digits.indexOf('_') < 0) {
            return digits;
        }
        if (digits.startsWith("_") && !original.startsWith("0") || digits.endsWith("_") || digits.contains("__")) {
            throw new NumberFormatException("invalid syntax: \"" + original + "\"");
        }
        return digits.replace("_", "");
    }
}
