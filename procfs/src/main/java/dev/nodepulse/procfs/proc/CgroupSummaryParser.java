package dev.nodepulse.procfs.proc;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.Lines;
import java.util.ArrayList;
import java.util.List;

/**
 * /proc/cgroups (kernel/cgroup/cgroup-v1.c): a "#subsys_name hierarchy num_cgroups enabled" header and one
 * line per controller. Lines starting with '#' are skipped; any other line needs four integer columns.
 */
public final class CgroupSummaryParser {

    private static final String SOURCE = "/proc/cgroups";

    private CgroupSummaryParser() {}

    public static CgroupSummary parse(String text) throws ParseException {
        List<CgroupSummary.Controller> out = new ArrayList<>();
        List<String> lines = Lines.of(text);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("#")) {
                continue;
            }
            String[] f = Lines.fields(line);
            if (f.length < 4) {
                throw ParseException.badLine(SOURCE, i + 1, line, "4 or more fields required");
            }
            try {
                out.add(new CgroupSummary.Controller(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                        Integer.parseInt(f[3])));
            } catch (NumberFormatException e) {
                throw ParseException.badLine(SOURCE, i + 1, line, "not an integer: " + e.getMessage());
            }
        }
        return new CgroupSummary(List.copyOf(out));
    }
}
