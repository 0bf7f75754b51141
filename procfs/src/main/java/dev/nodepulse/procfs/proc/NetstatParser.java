package dev.nodepulse.procfs.proc;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.Lines;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * /proc/net/netstat and /proc/net/snmp, which share one layout: pairs of lines, a header
 * {@code Proto: Name1 Name2 ...} followed by {@code Proto: v1 v2 ...}. Fields are separated by single
 * spaces, as the kernel prints them and as node_exporter splits them. A repeated protocol replaces the
 * earlier one.
 */
public final class NetstatParser {

    private NetstatParser() {}

    /** @param source the file's name for error messages ("/proc/net/netstat"). */
    public static NetStats parse(String text, String source) throws ParseException {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        List<String> lines = Lines.of(text);
        for (int i = 0; i < lines.size(); i += 2) {
            String header = chomp(lines.get(i));
            String values = i + 1 < lines.size() ? chomp(lines.get(i + 1)) : "";
            String[] names = header.split(" ", -1);
            String[] numbers = values.split(" ", -1);
            if (names[0].isEmpty()) {
                throw ParseException.badLine(source, i + 1, header, "expected a \"Proto: Name ...\" header");
            }
            // The protocol is the first field less its trailing colon.
            String protocol = names[0].substring(0, names[0].length() - 1);
            if (names.length != numbers.length) {
                throw ParseException.badLine(source, i + 2, values,
                        "field count mismatch for " + protocol + ": " + (names.length - 1) + " names, "
                                + (numbers.length - 1) + " values");
            }
            Map<String, Double> counters = new LinkedHashMap<>();
            for (int k = 1; k < names.length; k++) {
                counters.put(names[k], value(numbers[k], source, i + 2, values));
            }
            out.put(protocol, counters);
        }
        return new NetStats(out);
    }

    static double value(String s, String source, int lineNumber, String line) throws ParseException {
        try {
            // Double.parseDouble would trim blanks and take "1d"; the kernel prints plain integers.
            if (s.isEmpty() || s.charAt(0) <= ' ' || s.charAt(s.length() - 1) <= ' '
                    || "dDfF".indexOf(s.charAt(s.length() - 1)) >= 0) {
                throw new NumberFormatException(s);
            }
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw ParseException.badLine(source, lineNumber, line, "invalid value \"" + s + "\"");
        }
    }

    /** Go's line scanner drops a carriage return before the newline. */
    static String chomp(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
