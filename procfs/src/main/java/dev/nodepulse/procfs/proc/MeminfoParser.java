package dev.nodepulse.procfs.proc;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.Lines;
import dev.nodepulse.procfs.io.Numbers;
import java.util.ArrayList;
import java.util.List;

/** /proc/meminfo: "Key:   value [kB]" lines. Values in kB become bytes. */
public final class MeminfoParser {

    private MeminfoParser() {}

    public static Meminfo parse(String text) throws ParseException {
        List<Meminfo.Entry> entries = new ArrayList<>();
        List<String> lines = Lines.of(text);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] f = Lines.fields(line);
            if (f.length < 2 || !f[0].endsWith(":")) {
                throw ParseException.badLine("/proc/meminfo", i + 1, line, "expected \"Key: value [kB]\"");
            }
            String key = f[0].substring(0, f[0].length() - 1);
            double v = Numbers.parseUnsigned(f[1], "/proc/meminfo " + key);
            boolean kb = f.length >= 3;
            if (kb) {
                if (!f[2].equals("kB")) {
                    throw ParseException.badLine("/proc/meminfo", i + 1, line, "unknown unit " + f[2]);
                }
                v *= 1024;
            }
            entries.add(new Meminfo.Entry(key, v, kb));
        }
        if (entries.isEmpty()) {
            throw new ParseException("/proc/meminfo: no entries");
        }
        return new Meminfo(List.copyOf(entries));
    }
}
