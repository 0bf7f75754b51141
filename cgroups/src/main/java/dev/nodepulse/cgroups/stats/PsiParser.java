package dev.nodepulse.cgroups.stats;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.Lines;

/** A *.pressure file: "some avg10=.. avg60=.. avg300=.. total=N" and "full ..." lines; totals in µs. */
public final class PsiParser {

    private PsiParser() {}

    public static Psi parse(String text, Object source) throws ParseException {
        long some = 0;
        long full = 0;
        boolean any = false;
        for (String line : Lines.of(text)) {
            String[] f = Lines.fields(line);
            if (f.length == 0) {
                continue;
            }
            long total = -1;
            for (int k = 1; k < f.length; k++) {
                if (f[k].startsWith("total=")) {
                    total = KeyValueParser.parseUnsigned(f[k], 6, f[k].length(), source, 1);
                }
            }
            if (total < 0) {
                throw new ParseException(source + ": no total= in \"" + line + "\"");
            }
            if (f[0].equals("some")) {
                some = total;
                any = true;
            } else if (f[0].equals("full")) {
                full = total;
                any = true;
            }
        }
        if (!any) {
            throw new ParseException(source + ": no some/full line");
        }
        return new Psi(some, full);
    }
}
