package dev.nodepulse.procfs.proc;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.Lines;
import dev.nodepulse.procfs.io.Numbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * /proc/softirqs (fs/proc/softirqs.c): a CPU header, then "NAME: count count ..." lines. Only the known
 * vectors are kept (a later line of the same name replaces an earlier one); an empty file or a count that
 * is not an unsigned integer is an error.
 */
public final class SoftirqsParser {

    private static final String SOURCE = "/proc/softirqs";

    private SoftirqsParser() {}

    public static Softirqs parse(String text) throws ParseException {
        List<String> lines = Lines.of(text);
        if (lines.isEmpty()) {
            throw new ParseException(SOURCE + ": empty");
        }
        Map<String, List<Double>> byName = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = Lines.fields(lines.get(i));
            if (f.length < 2 || !f[0].endsWith(":")) {
                continue;
            }
            String name = f[0].substring(0, f[0].length() - 1);
            if (!Softirqs.KNOWN.contains(name)) {
                continue;
            }
            List<Double> counts = new ArrayList<>(f.length - 1);
            for (int k = 1; k < f.length; k++) {
                counts.add(Numbers.parseUnsigned(f[k], SOURCE + " " + name + " CPU" + (k - 1)));
            }
            byName.put(name, List.copyOf(counts));
        }
        List<Softirqs.Vector> out = new ArrayList<>();
        for (String name : Softirqs.KNOWN) {
            List<Double> v = byName.get(name);
            if (v != null) {
                out.add(new Softirqs.Vector(name, v));
            }
        }
        return new Softirqs(List.copyOf(out));
    }
}
