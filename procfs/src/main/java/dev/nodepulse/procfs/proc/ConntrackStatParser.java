package dev.nodepulse.procfs.proc;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.Lines;
import java.util.ArrayList;
import java.util.List;

/**
 * /proc/net/stat/nf_conntrack: a header line naming the columns, then one row of hexadecimal counters per
 * CPU. Columns are positional (newer kernels renamed some, "searched" became "clashres"), so the header is
 * not interpreted.
 */
public final class ConntrackStatParser {

    private static final String SRC = "/proc/net/stat/nf_conntrack";

    private ConntrackStatParser() {}

    public static List<ConntrackStat> parse(String text) throws ParseException {
        List<String> lines = Lines.of(text);
        List<ConntrackStat> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            String[] f = Lines.fields(line);
            long[] v = new long[f.length];
            for (int k = 0; k < f.length; k++) {
                try {
                    if (f[k].startsWith("+") || f[k].startsWith("-")) {
                        throw new NumberFormatException();
                    }
                    v[k] = Long.parseUnsignedLong(f[k], 16);
                } catch (NumberFormatException e) {
                    throw ParseException.badLine(SRC, i + 1, line, "not a hexadecimal number: \"" + f[k] + "\"");
                }
            }
            if (v.length < 16 || v.length > 17) {
                throw ParseException.badLine(SRC, i + 1, line, "invalid number of fields: " + v.length);
            }
            out.add(new ConntrackStat(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11],
                    v.length == 17 ? v[16] : 0));
        }
        return out;
    }
}
