package dev.nodepulse.procfs.proc;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.Lines;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A /proc/pressure file (Documentation/accounting/psi.rst):
 * "some avg10=0.00 avg60=0.00 avg300=0.00 total=0". Lines with another first word are skipped, so a future
 * kind of line does not break the reader.
 */
public final class PsiParser {

    private static final Pattern LINE = Pattern.compile(
            "^(some|full) +avg10=([-+0-9.eE]+) +avg60=([-+0-9.eE]+) +avg300=([-+0-9.eE]+) +total=\\+?([0-9]+)");

    private PsiParser() {}

    /** @param source the file, for error messages ("/proc/pressure/io") */
    public static PsiStats parse(String text, String source) throws ParseException {
        Optional<PsiLine> some = Optional.empty();
        Optional<PsiLine> full = Optional.empty();
        List<String> lines = Lines.of(text);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int sp = line.indexOf(' ');
            String kind = sp < 0 ? line : line.substring(0, sp);
            if (!kind.equals("some") && !kind.equals("full")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.find()) {
                throw ParseException.badLine(source, i + 1, line, "expected \"" + kind
                        + " avg10=N avg60=N avg300=N total=N\"");
            }
            PsiLine p;
            try {
                p = new PsiLine(Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                        Double.parseDouble(m.group(4)), Long.parseUnsignedLong(m.group(5)));
            } catch (NumberFormatException e) {
                throw ParseException.badLine(source, i + 1, line, "bad number");
            }
            if (kind.equals("some")) {
                some = Optional.of(p);
            } else {
                full = Optional.of(p);
            }
        }
        return new PsiStats(some, full);
    }
}
