package dev.nodepulse.agent.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Prometheus text exposition parsed into samples, for assertions in tests. Handles label escapes and
 * the value forms client_java and client_golang print (NaN, +Inf, exponents).
 */
public final class Scrape {

    public record Sample(String name, Map<String, String> labels, double value) {}

    private final List<Sample> samples;
    private final Map<String, String> types;

    private Scrape(List<Sample> samples, Map<String, String> types) {
        this.samples = samples;
        this.types = types;
    }

    public static Scrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        Map<String, String> types = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("# TYPE ")) {
                String[] f = line.split(" ");
                types.put(f[2], f[3]);
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.indexOf(' ');
            String name;
            Map<String, String> labels = new LinkedHashMap<>();
            int rest;
            if (brace >= 0 && brace < space) {
                name = line.substring(0, brace);
                int i = brace + 1;
                while (line.charAt(i) != '}') {
                    int eq = line.indexOf('=', i);
                    String key = line.substring(i, eq).trim();
                    StringBuilder v = new StringBuilder();
                    int j = eq + 2;
                    while (line.charAt(j) != '"') {
                        char ch = line.charAt(j);
                        if (ch == '\\') {
                            char n = line.charAt(++j);
                            v.append(n == 'n' ? '\n' : n);
                        } else {
                            v.append(ch);
                        }
                        j++;
                    }
                    labels.put(key, v.toString());
                    i = j + 1;
                    if (line.charAt(i) == ',') {
                        i++;
                    }
                }
                rest = i + 1;
            } else {
                name = line.substring(0, space);
                rest = space;
            }
            String[] f = line.substring(rest).trim().split(" ");
            samples.add(new Sample(name, labels, parseValue(f[0])));
        }
        return new Scrape(samples, types);
    }

    static double parseValue(String s) {
        return switch (s) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }

    public List<Sample> samples() {
        return samples;
    }

    public String type(String family) {
        return types.get(family);
    }

    public boolean has(String name) {
        return samples.stream().anyMatch(s -> s.name().equals(name));
    }

    public List<Sample> all(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    /** The value of the one sample with this name and these label pairs (other labels ignored). */
    public double value(String name, String... labelPairs) {
        List<Sample> matches = samples.stream().filter(s -> s.name().equals(name) && matches(s, labelPairs)).toList();
        if (matches.size() != 1) {
            throw new AssertionError(matches.size() + " samples of " + name + " " + String.join(",", labelPairs));
        }
        return matches.get(0).value();
    }

    public List<String> labelValues(String name, String label) {
        return all(name).stream().map(s -> s.labels().get(label)).toList();
    }

    private static boolean matches(Sample s, String[] pairs) {
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (!pairs[i + 1].equals(s.labels().get(pairs[i]))) {
                return false;
            }
        }
        return true;
    }
}
