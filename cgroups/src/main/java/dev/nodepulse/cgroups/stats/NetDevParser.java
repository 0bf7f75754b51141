package dev.nodepulse.cgroups.stats;

import dev.nodepulse.procfs.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * /proc/[pid]/net/dev as cAdvisor reads it for container rows: two header lines, then one line per
 * interface with 16 counters. Interfaces whose lower-cased name starts with lo, veth, docker or nerdctl
 * are dropped, as cAdvisor drops them.
 */
public final class NetDevParser {

    private static final String[] IGNORED_PREFIXES = {"lo", "veth", "docker", "nerdctl"};

    private NetDevParser() {}

    public static List<InterfaceStats> parse(String text, Object source) throws ParseException {
        List<InterfaceStats> out = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 2; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw ParseException.badLine(String.valueOf(source), i + 1, line, "no interface name");
            }
            String name = line.substring(0, colon).strip();
            String[] f = dev.nodepulse.procfs.io.Lines.fields(line.substring(colon + 1));
            if (f.length != 16) {
                throw ParseException.badLine(String.valueOf(source), i + 1, line, "expected 16 counters, got " + f.length);
            }
            if (ignored(name)) {
                continue;
            }
            long[] v = new long[16];
            for (int k = 0; k < 16; k++) {
                v[k] = KeyValueParser.parseUnsigned(f[k], 0, f[k].length(), source, i + 1);
            }
            out.add(new InterfaceStats(name, v[0], v[1], v[2], v[3], v[8], v[9], v[10], v[11]));
        }
        return out;
    }

    static boolean ignored(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String p : IGNORED_PREFIXES) {
            if (lower.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
