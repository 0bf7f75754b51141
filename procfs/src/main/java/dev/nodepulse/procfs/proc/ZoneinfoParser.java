package dev.nodepulse.procfs.proc;

import dev.nodepulse.procfs.io.GoStrconv;
import dev.nodepulse.procfs.io.Lines;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * /proc/zoneinfo (mm/vmstat.c). The text is cut into blocks at each line starting with "Node"; in a block
 * the {@code N, zone Z} header names node and zone, and every other line of two or more fields is a key
 * and its value. Lenient like upstream: nothing here is an error, odd lines are skipped.
 */
public final class ZoneinfoParser {

    private static final Pattern NODE_ZONE = Pattern.compile("(\\d+), zone\\s+(\\w+)");

    private ZoneinfoParser() {}

    public static Zoneinfo parse(String text) {
        List<Zoneinfo.Zone> zones = new ArrayList<>();
        for (String block : text.split("\nNode", -1)) {
            zones.add(block(block));
        }
        return new Zoneinfo(List.copyOf(zones));
    }

    private static Zoneinfo.Zone block(String block) {
        String node = "";
        String zone = "";
        Map<String, Long> values = new LinkedHashMap<>();
        List<Long> protection = List.of();
        for (String line : block.split("\n", -1)) {
            Matcher m = NODE_ZONE.matcher(line);
            if (m.find()) {
                node = m.group(1);
                zone = m.group(2);
                continue;
            }
            String trimmed = line.strip();
            if (trimmed.startsWith("per-node stats")) {
                continue;
            }
            String[] f = Lines.fields(trimmed);
            if (f.length < 2) {
                continue;
            }
            if (f[0].equals("protection:")) {
                List<Long> p = protection(line);
                if (p != null) {
                    protection = p;
                }
                continue;
            }
            values.put(f[0], integerOrZero(f[1]));
        }
        return new Zoneinfo.Zone(node, zone, values, protection);
    }

    /** "protection: (0, 2039, 31932)" as numbers; null when any of them does not parse. */
    static List<Long> protection(String line) {
        String[] parts = line.split(":", -1);
        String inner = parts[1].replaceFirst("\\(", "").replaceFirst("\\)", "").strip();
        List<Long> out = new ArrayList<>();
        for (String s : inner.split(", ", -1)) {
            try {
                out.add(Long.parseLong(s));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return List.copyOf(out);
    }

    private static long integerOrZero(String s) {
        try {
            return GoStrconv.parseInt(s, 0, 64);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
