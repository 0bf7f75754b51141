package dev.nodepulse.procfs.sys.bcachefs;

import dev.nodepulse.procfs.io.GoStrconv;

/** bcachefs' human-readable sizes: a decimal number with an optional k/M/G/T/P/E suffix (powers of 1024). */
public final class BcachefsValues {

    private BcachefsValues() {}

    /** The value as the raw bits of a uint64 (Go's uint64(float) conversion). */
    public static long bytes(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            throw new NumberFormatException("empty value");
        }
        double multiplier = 1;
        char last = s.charAt(s.length() - 1);
        int power = "kKmMgGtTpPeE".indexOf(last);
        if (power >= 0) {
            multiplier = Math.pow(1024, power / 2 + 1);
            s = s.substring(0, s.length() - 1);
        }
        double v = GoStrconv.parseFloat(s.strip()) * multiplier;
        if (Double.isNaN(v)) {
            return 0;
        }
        if (v >= 9.223372036854775807E18) {
            return v >= 18446744073709551616.0 ? -1L : (long) (v - 9.223372036854775808E18) + Long.MIN_VALUE;
        }
        return (long) v;
    }
}
