package dev.nodepulse.procfs.proc;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.Lines;
import java.util.ArrayList;
import java.util.List;

/**
 * /proc/net/softnet_stat: one line of hexadecimal columns per CPU. The column count grew over time:
 * 9 (2.6.23: processed, dropped, time_squeeze, five zeros, cpu_collision), 10 (2.6.39: received_rps),
 * 11 (4.18: flow_limit_count), 13 (5.14: backlog length and CPU index), more since.
 */
public final class SoftnetParser {

    private static final String SRC = "/proc/net/softnet_stat";
    private static final int MIN_COLUMNS = 9;

    private SoftnetParser() {}

    public static List<SoftnetStat> parse(String text) throws ParseException {
        List<SoftnetStat> out = new ArrayList<>();
        List<String> lines = Lines.of(text);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String[] c = Lines.fields(line);
            if (c.length < MIN_COLUMNS) {
                throw ParseException.badLine(SRC, i + 1, line,
                        "detected " + c.length + " columns, but expected at least " + MIN_COLUMNS);
            }
            long processed = hex(c[0], i, line);
            long dropped = hex(c[1], i, line);
            long squeezed = hex(c[2], i, line);
            for (int k = 3; k < 8; k++) {
                hex(c[k], i, line);
            }
            long collision = hex(c[8], i, line);
            long rps = c.length >= 10 ? hex(c[9], i, line) : 0;
            long flowLimit = c.length >= 11 ? hex(c[10], i, line) : 0;
            long backlog = 0;
            long cpu = i;
            if (c.length >= 13) {
                backlog = hex(c[11], i, line);
                cpu = hex(c[12], i, line);
            }
            out.add(new SoftnetStat(processed, dropped, squeezed, collision, rps, flowLimit, backlog, cpu, c.length));
        }
        return out;
    }

    private static long hex(String s, int index, String line) throws ParseException {
        try {
            long v = Long.parseUnsignedLong(s, 16);
            if (v < 0 || v > 0xffff_ffffL || s.charAt(0) == '+' || s.charAt(0) == '-') {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw ParseException.badLine(SRC, index + 1, line, "not a 32-bit hexadecimal number: \"" + s + "\"");
        }
    }
}
