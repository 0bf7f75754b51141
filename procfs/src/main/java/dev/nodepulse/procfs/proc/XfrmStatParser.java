package dev.nodepulse.procfs.proc;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.Lines;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** /proc/net/xfrm_stat (net/xfrm/xfrm_proc.c): "Name value" lines; any other shape is an error. */
public final class XfrmStatParser {

    private static final String SOURCE = "/proc/net/xfrm_stat";

    private XfrmStatParser() {}

    public static XfrmStat parse(String text) throws ParseException {
        Map<String, Long> out = new LinkedHashMap<>();
        List<String> lines = Lines.of(text);
        for (int i = 0; i < lines.size(); i++) {
            String[] f = Lines.fields(lines.get(i));
            if (f.length != 2) {
                throw ParseException.badLine(SOURCE, i + 1, lines.get(i), "expected \"Name value\"");
            }
            try {
                out.put(f[0], Long.parseLong(f[1]));
            } catch (NumberFormatException e) {
                throw ParseException.badLine(SOURCE, i + 1, lines.get(i), "value is not an integer");
            }
        }
        return new XfrmStat(Map.copyOf(out));
    }
}
