package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.metrics.Family;
import dev.nodepulse.metrics.MetricSink;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Test helpers: run a collector once, and look up what it put into its sink. */
final class SinkValues {

    private SinkValues() {}

    /** Runs one update and returns what it produced. */
    static MetricSink run(Collector c) throws Exception {
        MetricSink sink = new MetricSink();
        c.update(sink);
        return sink;
    }

    /** The value of the sample with exactly these label values; fails when there is none. */
    static double value(MetricSink sink, String family, String... labels) {
        Family f = sink.get(family);
        if (f == null) {
            throw new AssertionError("no family " + family);
        }
        Double v = valueOrNull(sink, family, labels);
        if (v == null) {
            throw new AssertionError("no sample " + family + List.of(labels));
        }
        return v;
    }

    /** The value of the sample with exactly these label values (in the family's label order), or null. */
    static Double valueOrNull(MetricSink sink, String family, String... labelValues) {
        Family f = sink.get(family);
        if (f == null) {
            return null;
        }
        for (int i = 0; i < f.size(); i++) {
            if (f.labelValues(i).equals(List.of(labelValues))) {
                return f.value(i);
            }
        }
        return null;
    }

    /**
     * The value of a sample in a family built whole (one whose series carry different label names, which
     * {@link Family} cannot hold), looked up by its complete label set; null when absent.
     */
    static Double builtValue(MetricSink sink, String family, Map<String, String> labels) {
        for (MetricSnapshot m : sink.build()) {
            if (!m.getMetadata().getPrometheusName().equals(family)) {
                continue;
            }
            for (DataPointSnapshot p : m.getDataPoints()) {
                Labels l = p.getLabels();
                Map<String, String> have = new HashMap<>();
                for (int i = 0; i < l.size(); i++) {
                    have.put(l.getName(i), l.getValue(i));
                }
                if (have.equals(labels) && p instanceof GaugeSnapshot.GaugeDataPointSnapshot g) {
                    return g.getValue();
                }
            }
        }
        return null;
    }

    static int size(MetricSink sink, String family) {
        Family f = sink.get(family);
        return f == null ? 0 : f.size();
    }

    /** Every label-value list of a family, in the order added. */
    static List<List<String>> labelSets(MetricSink sink, String family) {
        List<List<String>> out = new ArrayList<>();
        Family f = sink.get(family);
        if (f != null) {
            for (int i = 0; i < f.size(); i++) {
                out.add(f.labelValues(i));
            }
        }
        return out;
    }

    /** Every sample of a family, by its label values joined with ","; empty when the family is absent. */
    static Map<String, Double> series(MetricSink sink, String family) {
        Map<String, Double> out = new TreeMap<>();
        Family f = sink.get(family);
        if (f == null) {
            return out;
        }
        for (int i = 0; i < f.size(); i++) {
            out.put(String.join(",", f.labelValues(i)), f.value(i));
        }
        return out;
    }

    /** A family's samples by label values, for compact assertions; empty when absent. */
    static Map<List<String>, Double> samples(MetricSink sink, String family) {
        Map<List<String>, Double> out = new HashMap<>();
        Family f = sink.get(family);
        if (f == null) {
            return out;
        }
        for (int i = 0; i < f.size(); i++) {
            out.put(f.labelValues(i), f.value(i));
        }
        return out;
    }

    /** The label names and HELP of a family, for checks of the published shape. */
    static String shape(MetricSink sink, String family) {
        Family f = sink.get(family);
        return f == null ? null : f.type() + " " + f.labelNames() + " " + f.help();
    }

    static Map<String, Double> map(Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
        }
        return new TreeMap<>(m);
    }

    /** Names of the families that received at least one sample, sorted. */
    static List<String> families(MetricSink sink) {
        return sink.families().stream().filter(f -> f.size() > 0).map(Family::name).sorted().toList();
    }
}
