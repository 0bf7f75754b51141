package dev.nodepulse.procfs.proc;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.Lines;
import dev.nodepulse.procfs.io.Numbers;
import java.util.ArrayList;
import java.util.List;

/**
 * A /proc/net/stat/&lt;name&gt; file. The first line names the columns; every later line is one CPU's
 * counters in hexadecimal. A row with more values than the header has columns, or a value that is not
 * hexadecimal, is an error. An empty file has no columns.
 */
public final class NetStatTableParser {

    private NetStatTableParser() {}

    public static NetStatTable parse(String name, String text) throws ParseException {
        String source = "/proc/net/stat/" + name;
        List<String> lines = Lines.of(text);
        if (lines.isEmpty()) {
            return new NetStatTable(name, List.of());
        }
        String[] header = Lines.fields(lines.get(0));
        List<List<Double>> values = new ArrayList<>();
        for (int c = 0; c < header.length; c++) {
            values.add(new ArrayList<>());
        }
        for (int i = 1; i < lines.size(); i++) {
            String[] f = Lines.fields(lines.get(i));
            if (f.length > header.length) {
                throw ParseException.badLine(source, i + 1, lines.get(i),
                        f.length + " values for " + header.length + " columns");
            }
            for (int c = 0; c < f.length; c++) {
                values.get(c).add(Numbers.unsignedToDouble(Numbers.parseHex(f[c], source + " " + header[c])));
            }
        }
        List<NetStatTable.Column> columns = new ArrayList<>();
        for (int c = 0; c < header.length; c++) {
            columns.add(new NetStatTable.Column(header[c], List.copyOf(values.get(c))));
        }
        return new NetStatTable(name, List.copyOf(columns));
    }
}
