package dev.nodepulse.cgroups.stats;

import dev.nodepulse.procfs.ParseException;

/**
 * A *.pressure file: "some avg10=.. avg60=.. avg300=.. total=N" and "full ..." lines; totals in µs. Scanned as
 * bytes: a v2 walk reads three of these per cgroup.
 */
public final class PsiParser {

    private PsiParser() {}

    public static Psi parse(String text, Object source) throws ParseException {
        return parse(FileBytes.of(text), source);
    }

    public static Psi parse(FileBytes file, Object source) throws ParseException {
        byte[] d = file.data;
        int n = file.length;
        long[] totals = new long[2];
        double[][] avgs = new double[2][];
        boolean any = false;
        int lineStart = 0;
        while (lineStart < n) {
            int lineEnd = FileBytes.indexOf(d, (byte) '\n', lineStart, n);
            int f = FileBytes.skipFieldBlanks(d, lineStart, lineEnd);
            if (f < lineEnd) {
                int fEnd = FileBytes.fieldEnd(d, f, lineEnd);
                int which = FileBytes.is(d, f, fEnd, SOME) ? 0 : FileBytes.is(d, f, fEnd, FULL) ? 1 : -1;
                long total = -1;
                double[] avg = new double[3];
                for (f = FileBytes.skipFieldBlanks(d, fEnd, lineEnd); f < lineEnd;
                        f = FileBytes.skipFieldBlanks(d, fEnd, lineEnd)) {
                    fEnd = FileBytes.fieldEnd(d, f, lineEnd);
                    if (FileBytes.startsWith(d, f, fEnd, TOTAL)) {
                        total = KeyValueParser.parseUnsigned(file, f + TOTAL.length, fEnd, source, 1);
                    } else if (which >= 0 && FileBytes.startsWith(d, f, fEnd, AVG10)) {
                        avg[0] = average(file, f, f + AVG10.length, fEnd, source);
                    } else if (which >= 0 && FileBytes.startsWith(d, f, fEnd, AVG60)) {
                        avg[1] = average(file, f, f + AVG60.length, fEnd, source);
                    } else if (which >= 0 && FileBytes.startsWith(d, f, fEnd, AVG300)) {
                        avg[2] = average(file, f, f + AVG300.length, fEnd, source);
                    }
                }
                if (total < 0) {
                    throw new ParseException(source + ": no total= in \"" + file.text(lineStart, lineEnd) + "\"");
                }
                if (which >= 0) {
                    totals[which] = total;
                    avgs[which] = avg;
                    any = true;
                }
            }
            lineStart = lineEnd + 1;
        }
        if (!any) {
            throw new ParseException(source + ": no some/full line");
        }
        double[] some = avgs[0] == null ? new double[3] : avgs[0];
        double[] full = avgs[1] == null ? new double[3] : avgs[1];
        return new Psi(totals[0], totals[1], some[0], some[1], some[2], full[0], full[1], full[2]);
    }

    private static final byte[] SOME = FileBytes.ascii("some")[0];
    private static final byte[] FULL = FileBytes.ascii("full")[0];
    private static final byte[] TOTAL = FileBytes.ascii("total=")[0];
    private static final byte[] AVG10 = FileBytes.ascii("avg10=")[0];
    private static final byte[] AVG60 = FileBytes.ascii("avg60=")[0];
    private static final byte[] AVG300 = FileBytes.ascii("avg300=")[0];

    /** A percentage such as "12.34": digits, a point, digits. Anything else goes to Double.parseDouble. */
    private static double average(FileBytes file, int field, int from, int to, Object source) throws ParseException {
        byte[] d = file.data;
        long mantissa = 0;
        int digits = 0;
        int fraction = -1;
        for (int i = from; i < to; i++) {
            byte b = d[i];
            if (b >= '0' && b <= '9') {
                mantissa = mantissa * 10 + (b - '0');
                digits++;
                if (fraction >= 0) {
                    fraction++;
                }
            } else if (b == '.' && fraction < 0) {
                fraction = 0;
            } else {
                digits = -1;
                break;
            }
        }
        if (digits > 0 && digits <= 15) {
            // Both operands are exact doubles (below 2^53), so the one rounding of the division gives the double
            // nearest the decimal: what Double.parseDouble returns.
            return fraction <= 0 ? (double) mantissa : mantissa / POWERS_OF_TEN[fraction];
        }
        try {
            return Double.parseDouble(file.text(from, to));
        } catch (NumberFormatException e) {
            throw new ParseException(source + ": not a number: \"" + file.text(field, to) + "\"");
        }
    }

    private static final double[] POWERS_OF_TEN = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15};
}
