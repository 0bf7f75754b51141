package dev.nodepulse.aggregator.api;

/** Go's time.Duration.String(): "15.018s", "1m0.5s", "2h0m0s", "500ms", "1.5µs", "0s". */
public final class GoDuration {

    private GoDuration() {}

    public static String format(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        boolean neg = nanos < 0;
        // Long.MIN_VALUE has no positive counterpart; work on the unsigned magnitude.
        long u = neg ? -nanos : nanos;
        StringBuilder sb = new StringBuilder();
        if (Long.compareUnsigned(u, 1_000_000_000L) < 0) {
            String unit;
            int prec;
            if (u < 1_000L) {
                return (neg ? "-" : "") + u + "ns";
            } else if (u < 1_000_000L) {
                unit = "µs";
                prec = 3;
            } else {
                unit = "ms";
                prec = 6;
            }
            sb.append(fraction(u, prec)).append(unit);
        } else {
            long secsTotal = Long.divideUnsigned(u, 1_000_000_000L);
            long frac = Long.remainderUnsigned(u, 1_000_000_000L);
            long s = secsTotal % 60;
            long m = (secsTotal / 60) % 60;
            long h = secsTotal / 3600;
            if (h > 0) {
                sb.append(h).append('h');
            }
            if (h > 0 || m > 0) {
                sb.append(m).append('m');
            }
            sb.append(s);
            String f = fractionDigits(frac, 9);
            if (!f.isEmpty()) {
                sb.append('.').append(f);
            }
            sb.append('s');
        }
        return (neg ? "-" : "") + sb;
    }

    /** v / 10^prec with the fraction's trailing zeros dropped. */
    private static String fraction(long v, int prec) {
        long div = (long) Math.pow(10, prec);
        String f = fractionDigits(v % div, prec);
        return (v / div) + (f.isEmpty() ? "" : "." + f);
    }

    private static String fractionDigits(long frac, int digits) {
        if (frac == 0) {
            return "";
        }
        StringBuilder d = new StringBuilder(Long.toString(frac));
        while (d.length() < digits) {
            d.insert(0, '0');
        }
        int end = d.length();
        while (end > 0 && d.charAt(end - 1) == '0') {
            end--;
        }
        return d.substring(0, end);
    }
}
