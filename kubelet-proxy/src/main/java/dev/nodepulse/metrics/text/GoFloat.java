package dev.nodepulse.metrics.text;

import java.nio.charset.StandardCharsets;

/**
 * Numbers as expfmt reads them: Go's strconv.ParseFloat without hexadecimal mantissas and without
 * underscores (expfmt refuses any 'p', 'P' or '_'). So: an optional sign, decimal digits with an optional
 * point and exponent, "Inf"/"Infinity" with an optional sign and "NaN" without, in any letter case.
 * A finite literal too large for a double is an error, as Go reports ErrRange; underflow gives 0.
 * Java's own Double.parseDouble accepts more ("1d", "0x1p3", surrounding blanks), hence this gate.
 */
final class GoFloat {

    /** Powers of ten a double holds exactly, for the fast path below. */
    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
        1e18, 1e19, 1e20, 1e21, 1e22};

    private GoFloat() {}

    static double parse(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return parse(b, 0, b.length);
    }

    /** The value of bytes [from, to), or throws {@link NumberFormatException}. */
    static double parse(byte[] b, int from, int to) {
        int n = to - from;
        if (n <= 0) {
            throw new NumberFormatException("empty");
        }
        int i = from;
        boolean negative = false;
        if (b[i] == '+' || b[i] == '-') {
            negative = b[i] == '-';
            i++;
        }
        if (i < to && isLetter(b[i])) {
            return special(b, from, i, to, negative);
        }
        // Decimal: digits [. digits] [e [sign] digits], at least one mantissa digit.
        long mantissa = 0;
        int digits = 0;
        int dropped = 0;
        int fractionDigits = 0;
        boolean sawDigit = false;
        boolean sawPoint = false;
        for (; i < to; i++) {
            byte c = b[i];
            if (c >= '0' && c <= '9') {
                sawDigit = true;
                if (digits < 18) {
                    if (mantissa != 0 || c != '0') {
                        mantissa = mantissa * 10 + (c - '0');
                        digits++;
                    }
                    if (sawPoint) {
                        fractionDigits++;
                    }
                } else {
                    dropped++;
                    if (!sawPoint) {
                        fractionDigits--;
                    }
                }
            } else if (c == '.' && !sawPoint) {
                sawPoint = true;
            } else {
                break;
            }
        }
        if (!sawDigit) {
            throw new NumberFormatException("no digits");
        }
        int exponent = 0;
        if (i < to) {
            if (b[i] != 'e' && b[i] != 'E') {
                throw new NumberFormatException("unexpected character");
            }
            i++;
            boolean expNegative = false;
            if (i < to && (b[i] == '+' || b[i] == '-')) {
                expNegative = b[i] == '-';
                i++;
            }
            if (i >= to) {
                throw new NumberFormatException("empty exponent");
            }
            for (; i < to; i++) {
                byte c = b[i];
                if (c < '0' || c > '9') {
                    throw new NumberFormatException("bad exponent");
                }
                if (exponent < 100_000) {
                    exponent = exponent * 10 + (c - '0');
                }
            }
            if (expNegative) {
                exponent = -exponent;
            }
        }
        int scale = exponent - fractionDigits;
        if (dropped == 0 && mantissa < (1L << 53)) {
            double m = mantissa;
            if (scale == 0) {
                return negative ? -m : m;
            }
            if (scale > 0 && scale <= 22) {
                double v = m * POW10[scale];
                if (!Double.isInfinite(v)) {
                    return negative ? -v : v;
                }
            } else if (scale < 0 && scale >= -22) {
                double v = m / POW10[-scale];
                return negative ? -v : v;
            }
        }
        double v = Double.parseDouble(new String(b, from, n, StandardCharsets.ISO_8859_1));
        if (Double.isInfinite(v)) {
            throw new NumberFormatException("value out of range");
        }
        return v;
    }

    private static double special(byte[] b, int from, int i, int to, boolean negative) {
        int len = to - i;
        if (i == from && equalsIgnoreCase(b, i, to, "nan")) {
            return Double.NaN;
        }
        if ((len == 3 && equalsIgnoreCase(b, i, to, "inf")) || (len == 8 && equalsIgnoreCase(b, i, to, "infinity"))) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        throw new NumberFormatException("not a number");
    }

    private static boolean isLetter(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean equalsIgnoreCase(byte[] b, int from, int to, String word) {
        if (to - from != word.length()) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (Character.toLowerCase((char) b[from + k]) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
