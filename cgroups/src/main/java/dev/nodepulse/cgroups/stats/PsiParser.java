package dev.nodepulse.cgroups.stats;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.Lines;

/** A *.pressure file: "some avg10=.. avg60=.. avg300=.. total=N" and "full ..." lines; totals in µs. */
public final class PsiParser {

    private PsiParser() {}

    public static Psi parse(String text, Object source) throws ParseException {
        long[] totals = new long[2];
        double[][] avgs = new double[2][3];
        boolean any = false;
        for (String line : Lines.of(text)) {
            String[] f = Lines.fields(line);
            if (f.length == 0) {
                continue;
            }
            int which = f[0].equals("some") ? 0 : f[0].equals("full") ? 1 : -1;
            long total = -1;
            double[] avg = new double[3];
            for (int k = 1; k < f.length; k++) {
                String kv = f[k];
                if (kv.startsWith("total=")) {
                    total = KeyValueParser.parseUnsigned(kv, 6, kv.length(), source, 1);
                } else if (which >= 0 && kv.startsWith("avg10=")) {
                    avg[0] = average(kv, 6, source);
                } else if (which >= 0 && kv.startsWith("avg60=")) {
                    avg[1] = average(kv, 6, source);
                } else if (which >= 0 && kv.startsWith("avg300=")) {
                    avg[2] = average(kv, 7, source);
                }
            }
            if (total < 0) {
                throw new ParseException(source + ": no total= in \"" + line + "\"");
            }
            if (which >= 0) {
                totals[which] = total;
                avgs[which] = avg;
                any = true;
            }
        }
        if (!any) {
            throw new ParseException(source + ": no some/full line");
        }
        return new Psi(totals[0], totals[1], avgs[0][0], avgs[0][1], avgs[0][2], avgs[1][0], avgs[1][1], avgs[1][2]);
    }

    private static double average(String kv, int from, Object source) throws ParseException {
        try {
            return Double.parseDouble(kv.substring(from));
        } catch (NumberFormatException e) {
            throw new ParseException(source + ": not a number: \"" + kv + "\"");
        }
    }
}
