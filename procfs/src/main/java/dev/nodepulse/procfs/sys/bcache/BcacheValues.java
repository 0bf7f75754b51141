package dev.nodepulse.procfs.sys.bcache;

import dev.nodepulse.procfs.io.GoStrconv;

/**
 * bcache's human-readable numbers ("1.1M", "20.4G", "427.5k", "-3.2k") as procfs decodes them. The kernel
 * prints the fraction in 1/1024ths scaled to one decimal digit, so procfs divides the digits after the
 * point by 10.24 rather than reading a decimal fraction; node_exporter's values depend on that, so it is
 * kept.
 */
public final class BcacheValues {

    private BcacheValues() {}

    /** The value as the raw bits of a uint64 (Go's uint64(float) conversion). */
    public static long dehumanize(String s) {
        if (s.isEmpty()) {
            throw new NumberFormatException("zero-length value");
        }
        char last = s.charAt(s.length() - 1);
        double mantissa;
        double multiplier = 1;
        if (last > '9') {
            multiplier = multiplier(last);
            mantissa = pseudoFloat(s.substring(0, s.length() - 1));
        } else {
            mantissa = GoStrconv.parseFloat(s);
        }
        return toUint64(mantissa * multiplier);
    }

    public static long dehumanizeSigned(String s) {
        boolean negative = s.startsWith("-");
        long v = dehumanize(negative ? s.substring(1) : s);
        return negative ? -v : v;
    }

    static double pseudoFloat(String s) {
        String[] parts = s.split("\\.", -1);
        double whole = GoStrconv.parseFloat(parts[0]);
        if (parts.length == 1) {
            return whole;
        }
        return whole + GoStrconv.parseFloat(parts[1]) / 10.24;
    }

    private static double multiplier(char unit) {
        switch (unit) {
            case 'k':
                return 1L << 10;
            case 'M':
                return 1L << 20;
            case 'G':
                return 1L << 30;
            case 'T':
                return 1L << 40;
            case 'P':
                return 1L << 50;
            case 'E':
                return 1L << 60;
            case 'Z':
                return Math.pow(2, 70);
            case 'Y':
                return Math.pow(2, 80);
            default:
                return 0; // procfs multiplies by the map's zero value for unknown suffixes
        }
    }

    private static long toUint64(double d) {
        if (Double.isNaN(d)) {
            return 0;
        }
        if (d < 0) {
            return (long) d; // two's complement, as Go's conversion behaves on amd64 and arm64
        }
        if (d >= 18446744073709551616.0) {
            return -1L;
        }
        if (d >= 9.223372036854775807E18) {
            return (long) (d - 9.223372036854775808E18) + Long.MIN_VALUE;
        }
        return (long) d;
    }
}
