package dev.nodepulse.procfs.proc;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.Lines;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * /proc/net/dev: two header lines, then {@code name: 8 receive counters 8 transmit counters}. The name is
 * everything before the last colon (names may contain colons, e.g. old alias interfaces "eth0:1").
 * A later line for the same name replaces an earlier one.
 */
public final class NetDevParser {

    private static final int COUNTERS = 16;

    private NetDevParser() {}

    public static List<NetDevLine> parse(String text, String source) throws ParseException {
        Map<String, NetDevLine> byName = new LinkedHashMap<>();
        List<String> lines = Lines.of(text);
        for (int i = 2; i < lines.size(); i++) {
            NetDevLine l = parseLine(lines.get(i), source, i + 1);
            byName.put(l.name(), l);
        }
        return new ArrayList<>(byName.values());
    }

    static NetDevLine parseLine(String line, String source, int lineNumber) throws ParseException {
        int colon = line.lastIndexOf(':');
        if (colon < 0) {
            throw ParseException.badLine(source, lineNumber, line, "no colon after the interface name");
        }
        String name = line.substring(0, colon).strip();
        if (name.isEmpty()) {
            throw ParseException.badLine(source, lineNumber, line, "empty interface name");
        }
        String[] f = Lines.fields(line.substring(colon + 1));
        if (f.length < COUNTERS) {
            throw ParseException.badLine(source, lineNumber, line, COUNTERS + " counters expected, got " + f.length);
        }
        long[] v = new long[COUNTERS];
        for (int k = 0; k < COUNTERS; k++) {
            try {
                if (f[k].startsWith("+")) {
                    throw new NumberFormatException();
                }
                v[k] = Long.parseUnsignedLong(f[k]);
            } catch (NumberFormatException e) {
                throw ParseException.badLine(source, lineNumber, line, "counter " + (k + 1) + " is not an unsigned integer");
            }
        }
        return new NetDevLine(name, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7],
                v[8], v[9], v[10], v[11], v[12], v[13], v[14], v[15]);
    }
}
