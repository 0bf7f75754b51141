package dev.nodepulse.procfs.io;

import dev.nodepulse.procfs.ParseException;

/** Number parsing that names the file and field on failure instead of a bare NumberFormatException. */
public final class Numbers {

    private Numbers() {}

    public static long parseLong(String s, String what) throws ParseException {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new ParseException(what + ": not an integer: \"" + s + "\"");
        }
    }

    /** Unsigned 64-bit counters (u64 in the kernel) as a double, the way Prometheus will see them anyway. */
    public static double parseUnsigned(String s, String what) throws ParseException {
        try {
            long v = Long.parseUnsignedLong(s);
            return v >= 0 ? v : unsignedToDouble(v);
        } catch (NumberFormatException e) {
            throw new ParseException(what + ": not an unsigned integer: \"" + s + "\"");
        }
    }

    public static double parseDouble(String s, String what) throws ParseException {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new ParseException(what + ": not a number: \"" + s + "\"");
        }
    }

    public static long parseHex(String s, String what) throws ParseException {
        try {
            return Long.parseUnsignedLong(s, 16);
        } catch (NumberFormatException e) {
            throw new ParseException(what + ": not a hexadecimal integer: \"" + s + "\"");
        }
    }

    public static double unsignedToDouble(long v) {
        double d = (double) (v >>> 1) * 2.0;
        return d + (v & 1L);
    }
}
