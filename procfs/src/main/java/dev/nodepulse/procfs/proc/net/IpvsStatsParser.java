package dev.nodepulse.procfs.proc.net;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.GoStrconv;
import dev.nodepulse.procfs.io.Lines;

/**
 * /proc/net/ip_vs_stats: two header lines, then the totals as five hex numbers (connections, packets in,
 * packets out, bytes in, bytes out); the per-second rates that follow are not read.
 */
public final class IpvsStatsParser {

    private static final String SOURCE = "/proc/net/ip_vs_stats";

    private IpvsStatsParser() {}

    public static IpvsStats parse(String text) throws ParseException {
        String[] lines = text.split("\n", 4);
        if (lines.length != 4) {
            throw new ParseException(SOURCE + ": too short");
        }
        String[] f = Lines.fields(lines[2]);
        if (f.length != 5) {
            throw ParseException.badLine(SOURCE, 3, lines[2], "expected 5 fields, got " + f.length);
        }
        try {
            return new IpvsStats(GoStrconv.parseUint(f[0], 16, 64), GoStrconv.parseUint(f[1], 16, 64),
                    GoStrconv.parseUint(f[2], 16, 64), GoStrconv.parseUint(f[3], 16, 64),
                    GoStrconv.parseUint(f[4], 16, 64));
        } catch (NumberFormatException e) {
            throw ParseException.badLine(SOURCE, 3, lines[2], "not a hexadecimal number");
        }
    }
}
