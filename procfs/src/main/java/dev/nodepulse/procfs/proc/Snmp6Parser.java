package dev.nodepulse.procfs.proc;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.Lines;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * /proc/net/snmp6: one {@code NameValue} pair per line ({@code Udp6InDatagrams   12}). The protocol is the
 * name up to and including its first "6" ({@code Udp6}, {@code Icmp6}, {@code UdpLite6}); the rest is the
 * counter. Lines without a "6" or without a value are skipped, as node_exporter skips them.
 */
public final class Snmp6Parser {

    private static final String SRC = "/proc/net/snmp6";

    private Snmp6Parser() {}

    public static NetStats parse(String text) throws ParseException {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        List<String> lines = Lines.of(text);
        for (int i = 0; i < lines.size(); i++) {
            String[] f = Lines.fields(lines.get(i));
            if (f.length < 2) {
                continue;
            }
            int six = f[0].indexOf('6');
            if (six < 0) {
                continue;
            }
            String protocol = f[0].substring(0, six + 1);
            String name = f[0].substring(six + 1);
            out.computeIfAbsent(protocol, k -> new LinkedHashMap<>())
                    .put(name, NetstatParser.value(f[1], SRC, i + 1, lines.get(i)));
        }
        return new NetStats(out);
    }
}
