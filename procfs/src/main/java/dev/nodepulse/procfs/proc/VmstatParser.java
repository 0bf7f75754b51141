package dev.nodepulse.procfs.proc;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.Lines;
import java.util.ArrayList;
import java.util.List;

/** /proc/vmstat: {@code name value} lines. An empty file gives no entries. */
public final class VmstatParser {

    private static final String SRC = "/proc/vmstat";

    private VmstatParser() {}

    public static Vmstat parse(String text) throws ParseException {
        List<Vmstat.Entry> entries = new ArrayList<>();
        List<String> lines = Lines.of(text);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String[] f = Lines.fields(line);
            if (f.length < 2) {
                throw ParseException.badLine(SRC, i + 1, line, "expected \"name value\"");
            }
            entries.add(new Vmstat.Entry(f[0], NetstatParser.value(f[1], SRC, i + 1, line)));
        }
        return new Vmstat(List.copyOf(entries));
    }
}
