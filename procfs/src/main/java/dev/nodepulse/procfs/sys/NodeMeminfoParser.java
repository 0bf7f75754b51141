package dev.nodepulse.procfs.sys;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.Lines;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Per-NUMA-node meminfo: lines "Node N Key: value [kB]" (drivers/base/node.c). Blank lines are skipped. */
public final class NodeMeminfoParser {

    private static final Pattern PARENTHESES = Pattern.compile("\\((.*)\\)");

    private NodeMeminfoParser() {}

    public static NodeMeminfo parse(String text, String source) throws ParseException {
        List<NodeMeminfo.Entry> out = new ArrayList<>();
        List<String> lines = Lines.of(text);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = Lines.fields(line);
            if (f.length < 4) {
                throw ParseException.badLine(source, i + 1, line, "expected \"Node N Key: value [kB]\"");
            }
            double v;
            try {
                v = Double.parseDouble(f[3]);
            } catch (NumberFormatException e) {
                throw ParseException.badLine(source, i + 1, line, "value is not a number");
            }
            if (f.length == 5 && f[4].equals("kB")) {
                v *= 1024;
            } else if (f.length != 4) {
                throw ParseException.badLine(source, i + 1, line, "unexpected unit or trailing fields");
            }
            String field = stripTrailingColons(f[2]);
            field = PARENTHESES.matcher(field).replaceAll("_$1");
            out.add(new NodeMeminfo.Entry(f[1], field, v));
        }
        return new NodeMeminfo(List.copyOf(out));
    }

    private static String stripTrailingColons(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ':') {
            end--;
        }
        return s.substring(0, end);
    }
}
