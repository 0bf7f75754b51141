package dev.nodepulse.procfs.proc;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.Lines;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * /proc/[pid]/limits. Columns are aligned by position: the limit name occupies the first 26 characters,
 * then soft limit, hard limit and unit, separated by blanks.
 */
public final class LimitsParser {

    private static final int NAME_WIDTH = 26;

    private LimitsParser() {}

    public static Limits parse(String text) throws ParseException {
        Map<String, Long> soft = new LinkedHashMap<>();
        List<String> lines = Lines.of(text);
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.length() <= NAME_WIDTH) {
                continue;
            }
            String name = line.substring(0, NAME_WIDTH).strip();
            String[] f = Lines.fields(line.substring(NAME_WIDTH));
            if (f.length < 2) {
                throw ParseException.badLine("/proc/[pid]/limits", i + 1, line, "expected soft and hard limits");
            }
            try {
                soft.put(name, f[0].equals("unlimited") ? -1L : Long.parseLong(f[0]));
            } catch (NumberFormatException e) {
                throw ParseException.badLine("/proc/[pid]/limits", i + 1, line, "bad soft limit");
            }
        }
        return new Limits(soft);
    }
}
