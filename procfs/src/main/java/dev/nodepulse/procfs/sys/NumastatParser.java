package dev.nodepulse.procfs.sys;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.Lines;
import java.util.ArrayList;
import java.util.List;

/** Per-NUMA-node numastat: "name value" lines. Blank lines are skipped; anything else is an error. */
public final class NumastatParser {

    private NumastatParser() {}

    public static Numastat parse(String text, String source) throws ParseException {
        List<Numastat.Counter> out = new ArrayList<>();
        List<String> lines = Lines.of(text);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = Lines.fields(line);
            if (f.length != 2) {
                throw ParseException.badLine(source, i + 1, line, "expected \"name value\"");
            }
            try {
                out.add(new Numastat.Counter(f[0], Double.parseDouble(f[1])));
            } catch (NumberFormatException e) {
                throw ParseException.badLine(source, i + 1, line, "value is not a number");
            }
        }
        return new Numastat(List.copyOf(out));
    }
}
