package dev.nodepulse.procfs.proc;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.Lines;
import java.util.ArrayList;
import java.util.List;

/**
 * /proc/swaps (mm/swapfile.c): a header line, then "Filename Type Size Used Priority" per area. A line of
 * fewer than five fields or with a non-integer size, used or priority is an error.
 */
public final class SwapsParser {

    private static final String SOURCE = "/proc/swaps";

    private SwapsParser() {}

    public static Swaps parse(String text) throws ParseException {
        List<Swaps.Area> out = new ArrayList<>();
        List<String> lines = Lines.of(text);
        for (int i = 1; i < lines.size(); i++) {
            String[] f = Lines.fields(lines.get(i));
            if (f.length < 5) {
                throw ParseException.badLine(SOURCE, i + 1, lines.get(i), "too few fields");
            }
            try {
                out.add(new Swaps.Area(f[0], f[1], Long.parseLong(f[2]), Long.parseLong(f[3]), Integer.parseInt(f[4])));
            } catch (NumberFormatException e) {
                throw ParseException.badLine(SOURCE, i + 1, lines.get(i), "not an integer: " + e.getMessage());
            }
        }
        return new Swaps(List.copyOf(out));
    }
}
