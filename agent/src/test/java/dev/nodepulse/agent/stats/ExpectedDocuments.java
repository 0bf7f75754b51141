package dev.nodepulse.agent.stats;

import dev.nodepulse.agent.cadvisor.ExpositionText;
import dev.nodepulse.json.JsonNumber;
import dev.nodepulse.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Field-by-field comparison of a produced /stats/summary or /metrics/resource with the expected documents the
 * fixture generator wrote. In expected JSON, "*" stands for a sample time: the actual value must be a whole-second
 * RFC 3339 UTC time, and is collected so a test can check that one snapshot's objects share it.
 */
public final class ExpectedDocuments {

    static final Pattern WHOLE_SECOND_UTC = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

    /** Differences, and the actual values that stood in for "*" by their paths. */
    public record JsonDiff(List<String> differences, Map<String, String> times) {}

    private ExpectedDocuments() {}

    public static JsonDiff compare(Object expected, Object actual) {
        JsonDiff d = new JsonDiff(new ArrayList<>(), new LinkedHashMap<>());
        compare(expected, actual, "$", d);
        return d;
    }

    private static void compare(Object want, Object got, String path, JsonDiff d) {
        if (want instanceof String s && s.equals("*")) {
            if (!(got instanceof String g) || !WHOLE_SECOND_UTC.matcher(g).matches()) {
                d.differences().add(path + ": " + got + ", want a whole-second RFC 3339 UTC time");
            } else {
                d.times().put(path, g);
            }
            return;
        }
        if (want instanceof JsonObject w) {
            if (!(got instanceof JsonObject g)) {
                d.differences().add(path + ": " + describe(got) + ", want an object");
                return;
            }
            Set<String> keys = new TreeSet<>(w.fields().keySet());
            keys.addAll(g.fields().keySet());
            for (String k : keys) {
                if (!w.fields().containsKey(k)) {
                    d.differences().add(path + "." + k + ": unexpected key (value " + describe(g.fields().get(k)) + ")");
                } else if (!g.fields().containsKey(k)) {
                    d.differences().add(path + "." + k + ": missing (want " + describe(w.fields().get(k)) + ")");
                } else {
                    compare(w.fields().get(k), g.fields().get(k), path + "." + k, d);
                }
            }
            return;
        }
        if (want instanceof List<?> w) {
            if (!(got instanceof List<?> g)) {
                d.differences().add(path + ": " + describe(got) + ", want an array");
                return;
            }
            Map<String, Object> wantByKey = keyed(w);
            Map<String, Object> gotByKey = keyed(g);
            if (wantByKey.size() != w.size() || gotByKey.size() != g.size()) {
                d.differences().add(path + ": array elements are not uniquely named");
                return;
            }
            Set<String> keys = new TreeSet<>(wantByKey.keySet());
            keys.addAll(gotByKey.keySet());
            for (String k : keys) {
                if (!wantByKey.containsKey(k)) {
                    d.differences().add(path + "[" + k + "]: unexpected element");
                } else if (!gotByKey.containsKey(k)) {
                    d.differences().add(path + "[" + k + "]: missing element");
                } else {
                    compare(wantByKey.get(k), gotByKey.get(k), path + "[" + k + "]", d);
                }
            }
            return;
        }
        if (want instanceof JsonNumber w) {
            if (!(got instanceof JsonNumber g)) {
                d.differences().add(path + ": " + describe(got) + ", want " + w.text());
            } else if (new BigDecimal(w.text()).compareTo(new BigDecimal(g.text())) != 0) {
                d.differences().add(path + ": " + g.text() + ", want " + w.text());
            } else if (!path.matches(".*\\.avg(10|60|300)")
                    && (g.text().contains(".") || g.text().contains("e") || g.text().contains("E"))) {
                // Every Summary number but the PSI averages is an unsigned integer in the kubelet's types.
                d.differences().add(path + ": " + g.text() + " is not written as an integer");
            }
            return;
        }
        if (want == null ? got != null : !want.equals(got)) {
            d.differences().add(path + ": " + describe(got) + ", want " + describe(want));
        }
    }

    /** Array elements by name (podRef.name for pods, name otherwise), by index when unnamed. */
    private static Map<String, Object> keyed(List<?> list) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            Object o = list.get(i);
            String key = String.valueOf(i);
            if (o instanceof JsonObject j) {
                if (j.fields().get("podRef") instanceof JsonObject ref) {
                    key = ref.fields().get("namespace") + "/" + ref.fields().get("name");
                } else if (j.fields().get("name") instanceof String n) {
                    key = n;
                }
            }
            out.put(key, o);
        }
        return out;
    }

    private static String describe(Object v) {
        if (v instanceof JsonObject) {
            return "{...}";
        }
        if (v instanceof List<?> l) {
            return "[" + l.size() + " elements]";
        }
        if (v instanceof JsonNumber n) {
            return n.text();
        }
        if (v instanceof String s) {
            return "\"" + s + "\"";
        }
        return String.valueOf(v);
    }

    /**
     * A /metrics/resource body against expected-resource.prom: the same series with the same values, HELP and TYPE
     * for every family, every sample timestamped except container_start_time_seconds and resource_scrape_error.
     * Returns the differences and adds each sample timestamp seen to {@code timestamps}.
     */
    public static List<String> compareResource(ExpositionText expected, ExpositionText actual, Set<Long> timestamps) {
        List<String> diffs = new ArrayList<>();
        Set<String> names = new TreeSet<>(expected.families.keySet());
        names.addAll(actual.families.keySet());
        for (String family : names) {
            Map<String, ExpositionText.Sample> want = expected.families.get(family);
            Map<String, ExpositionText.Sample> got = actual.families.get(family);
            if (want == null) {
                diffs.add("unexpected family " + family + " " + got);
                continue;
            }
            if (got == null) {
                diffs.add("missing family " + family);
                continue;
            }
            if (!actual.types.containsKey(family) || !actual.helps.containsKey(family)) {
                diffs.add(family + ": no TYPE or HELP line");
            }
            boolean untimed = family.equals("container_start_time_seconds") || family.equals("resource_scrape_error");
            Set<String> series = new TreeSet<>(want.keySet());
            series.addAll(got.keySet());
            for (String k : series) {
                ExpositionText.Sample w = want.get(k);
                ExpositionText.Sample g = got.get(k);
                if (w == null || g == null) {
                    diffs.add(family + "{" + k + "} " + (w == null ? "unexpected" : "missing"));
                    continue;
                }
                double wv = Double.parseDouble(w.value());
                double gv = Double.parseDouble(g.value());
                // Values are float64 on the wire: equal up to the last bit the text form carries.
                if (Math.abs(wv - gv) > Math.ulp(wv) * 4) {
                    diffs.add(family + "{" + k + "} = " + g.value() + ", want " + w.value());
                }
                if (untimed != (g.timestamp() == null)) {
                    diffs.add(family + "{" + k + "}: timestamp " + g.timestamp() + ", want " + (untimed ? "none" : "one"));
                }
                if (g.timestamp() != null) {
                    timestamps.add(g.timestamp());
                }
            }
        }
        return diffs;
    }
}
