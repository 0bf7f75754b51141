package dev.nodepulse.procfs.proc;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.Lines;
import java.util.ArrayList;
import java.util.List;

/**
 * /proc/buddyinfo (mm/vmstat.c): "Node 0, zone   Normal  n0 n1 ...". Every line must have the same
 * number of orders; a line of fewer than four fields is an error.
 */
public final class BuddyinfoParser {

    private static final String SOURCE = "/proc/buddyinfo";

    private BuddyinfoParser() {}

    public static Buddyinfo parse(String text) throws ParseException {
        List<Buddyinfo.Zone> out = new ArrayList<>();
        int orders = -1;
        List<String> lines = Lines.of(text);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String[] f = Lines.fields(line);
            if (f.length < 4) {
                throw ParseException.badLine(SOURCE, i + 1, line, "expected \"Node N, zone Z counts...\"");
            }
            String node = trimComma(f[1]);
            String zone = trimComma(f[3]);
            int n = f.length - 4;
            if (orders == -1) {
                orders = n;
            } else if (orders != n) {
                throw ParseException.badLine(SOURCE, i + 1, line, n + " orders after " + orders + " on earlier lines");
            }
            List<Double> counts = new ArrayList<>(n);
            for (int k = 4; k < f.length; k++) {
                try {
                    counts.add(Double.parseDouble(f[k]));
                } catch (NumberFormatException e) {
                    throw ParseException.badLine(SOURCE, i + 1, line, "count is not a number: \"" + f[k] + "\"");
                }
            }
            out.add(new Buddyinfo.Zone(node, zone, List.copyOf(counts)));
        }
        return new Buddyinfo(List.copyOf(out));
    }

    private static String trimComma(String s) {
        return s.endsWith(",") ? s.substring(0, s.length() - 1) : s;
    }
}
