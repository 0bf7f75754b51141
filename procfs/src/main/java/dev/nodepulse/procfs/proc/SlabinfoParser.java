package dev.nodepulse.procfs.proc;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.Lines;
import java.util.ArrayList;
import java.util.List;

/**
 * /proc/slabinfo 2.1 (mm/slab_common.c). The version line and the "# name" header are skipped; every other
 * line must have exactly 16 single-space-separated tokens after runs of blanks are collapsed, so a blank
 * or indented line is an error, as it is in the procfs library.
 */
public final class SlabinfoParser {

    private static final String SOURCE = "/proc/slabinfo";

    private SlabinfoParser() {}

    public static Slabinfo parse(String text) throws ParseException {
        List<Slabinfo.Slab> out = new ArrayList<>();
        List<String> lines = Lines.of(text);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.contains("slabinfo -") || line.contains("# name")) {
                continue;
            }
            String[] s = line.replaceAll("\\s+", " ").split(" ", -1);
            if (s.length != 16) {
                throw ParseException.badLine(SOURCE, i + 1, line, "expected 16 fields");
            }
            try {
                out.add(new Slabinfo.Slab(s[0], Long.parseLong(s[1]), Long.parseLong(s[2]), Long.parseLong(s[3]),
                        Long.parseLong(s[4]), Long.parseLong(s[5]), Long.parseLong(s[8]), Long.parseLong(s[9]),
                        Long.parseLong(s[10]), Long.parseLong(s[13]), Long.parseLong(s[14]),
                        Long.parseLong(s[15])));
            } catch (NumberFormatException e) {
                throw ParseException.badLine(SOURCE, i + 1, line, "not an integer: " + e.getMessage());
            }
        }
        return new Slabinfo(List.copyOf(out));
    }
}
