package dev.nodepulse.agent.cadvisor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** A parsed text exposition: family -> label set (canonical text) -> sample. For comparing bodies in tests. */
public final class ExpositionText {

    public record Sample(String value, Long timestamp) {}

    public final Map<String, Map<String, Sample>> families = new TreeMap<>();
    public final Map<String, String> types = new LinkedHashMap<>();
    public final Map<String, String> helps = new LinkedHashMap<>();

    public static ExpositionText parse(String text) {
        ExpositionText out = new ExpositionText();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("# TYPE ")) {
                String[] f = line.substring(7).split(" ", 2);
                out.types.put(f[0], f[1]);
                continue;
            }
            if (line.startsWith("# HELP ")) {
                String[] f = line.substring(7).split(" ", 2);
                out.helps.put(f[0], f.length > 1 ? f[1] : "");
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.indexOf(' ');
            String name;
            Map<String, String> labels = new TreeMap<>();
            int rest;
            if (brace >= 0 && brace < space) {
                name = line.substring(0, brace);
                int i = brace + 1;
                while (line.charAt(i) != '}') {
                    int eq = line.indexOf('=', i);
                    String k = line.substring(i, eq);
                    StringBuilder v = new StringBuilder();
                    int j = eq + 2;
                    while (line.charAt(j) != '"') {
                        if (line.charAt(j) == '\\') {
                            j++;
                            v.append(line.charAt(j) == 'n' ? '\n' : line.charAt(j));
                        } else {
                            v.append(line.charAt(j));
                        }
                        j++;
                    }
                    labels.put(k, v.toString());
                    i = j + 1;
                    if (line.charAt(i) == ',') {
                        i++;
                    }
                }
                rest = i + 2;
            } else {
                name = line.substring(0, space);
                rest = space + 1;
            }
            String[] vt = line.substring(rest).trim().split(" ");
            StringBuilder key = new StringBuilder();
            labels.forEach((k, v) -> key.append(k).append("=\"").append(v).append("\","));
            Sample s = new Sample(vt[0], vt.length > 1 ? Long.parseLong(vt[1]) : null);
            Sample prev = out.families.computeIfAbsent(name, k -> new TreeMap<>()).put(key.toString(), s);
            if (prev != null) {
                throw new IllegalStateException("duplicate series " + name + "{" + key + "}");
            }
        }
        return out;
    }
}
