package dev.nodepulse.procfs.zfs;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.Lines;
import dev.nodepulse.procfs.io.Numbers;
import java.util.ArrayList;
import java.util.List;

/**
 * Named kstat tables as the SPL prints them: a header line of kstat ids, a {@code name type data} line,
 * then one {@code name type value} row per statistic. Rows of other data types are kept with their text;
 * numeric rows that do not parse are an error, as is a file without the {@code name type data} line.
 */
public final class KstatParser {

    private KstatParser() {}

    public static Kstat parse(String text, String source) throws ParseException {
        List<Kstat.Row> rows = new ArrayList<>();
        boolean inTable = false;
        List<String> lines = Lines.of(text);
        for (int i = 0; i < lines.size(); i++) {
            String line = stripCr(lines.get(i));
            String[] f = Lines.fields(line);
            if (!inTable) {
                inTable = f.length == 3 && f[0].equals("name") && f[1].equals("type") && f[2].equals("data");
                continue;
            }
            if (f.length < 3) {
                continue;
            }
            int type = kstatType(f[1]);
            String data = restFrom(line, 2);
            double value = Double.NaN;
            if (type == Kstat.UINT64) {
                value = Numbers.parseUnsigned(f[2], source + " " + f[0]);
            } else if (type == Kstat.INT64) {
                value = Numbers.parseLong(f[2], source + " " + f[0]);
            }
            rows.add(new Kstat.Row(f[0], type, value, data));
        }
        if (!inTable) {
            throw new ParseException(source + ": no \"name type data\" header");
        }
        return new Kstat(List.copyOf(rows));
    }

    /** The data type column; anything but a small number is a type nobody reads (-1). */
    private static int kstatType(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The line from its n-th blank-separated field (0-based) to its end, inner blanks kept. */
    static String restFrom(String line, int n) {
        int i = 0;
        int len = line.length();
        for (int field = 0; field < n; field++) {
            while (i < len && isBlank(line.charAt(i))) {
                i++;
            }
            while (i < len && !isBlank(line.charAt(i))) {
                i++;
            }
        }
        while (i < len && isBlank(line.charAt(i))) {
            i++;
        }
        return line.substring(i);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
