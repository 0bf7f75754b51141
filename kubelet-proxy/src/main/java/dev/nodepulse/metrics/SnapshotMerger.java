package dev.nodepulse.metrics;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Joins the snapshots of several collectors into one exposition. Two collectors may legitimately publish
 * the same family (node_exporter's cpu and cpufreq both know node_cpu_frequency_hertz); their samples are
 * combined, a label set seen twice keeps the first value, and a clash of types keeps the first family.
 * client_java would reject either case outright, failing the whole scrape.
 */
public final class SnapshotMerger {

    /** What was dropped while merging, for the one log line a scrape may write about it. */
    public record Conflicts(List<String> families) {
        public boolean any() {
            return !families.isEmpty();
        }
    }

    private final Map<String, List<MetricSnapshot>> byName = new LinkedHashMap<>();
    private final List<String> conflicts = new ArrayList<>();

    public SnapshotMerger add(List<MetricSnapshot> snapshots) {
        for (MetricSnapshot s : snapshots) {
            byName.computeIfAbsent(s.getMetadata().getPrometheusName(), k -> new ArrayList<>(1)).add(s);
        }
        return this;
    }

    public Conflicts conflicts() {
        return new Conflicts(List.copyOf(conflicts));
    }

    public MetricSnapshots build() {
        MetricSnapshots.Builder out = MetricSnapshots.builder();
        for (Map.Entry<String, List<MetricSnapshot>> e : byName.entrySet()) {
            List<MetricSnapshot> group = e.getValue();
            out.metricSnapshot(group.size() == 1 ? group.get(0) : combine(e.getKey(), group));
        }
        return out.build();
    }

    private MetricSnapshot combine(String name, List<MetricSnapshot> group) {
        MetricSnapshot first = group.get(0);
        Set<Labels> seen = new HashSet<>();
        List<DataPointSnapshot> points = new ArrayList<>();
        for (MetricSnapshot s : group) {
            if (s.getClass() != first.getClass()) {
                conflicts.add(name + " (type)");
                continue;
            }
            for (DataPointSnapshot p : s.getDataPoints()) {
                if (seen.add(p.getLabels())) {
                    points.add(p);
                } else {
                    conflicts.add(name + " " + p.getLabels());
                }
            }
        }
        if (first instanceof GaugeSnapshot) {
            GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(first.getMetadata().getName())
                    .help(first.getMetadata().getHelp());
            points.forEach(p -> b.dataPoint((GaugeSnapshot.GaugeDataPointSnapshot) p));
            return b.build();
        }
        if (first instanceof CounterSnapshot) {
            CounterSnapshot.Builder b = CounterSnapshot.builder().name(first.getMetadata().getName())
                    .help(first.getMetadata().getHelp());
            points.forEach(p -> b.dataPoint((CounterSnapshot.CounterDataPointSnapshot) p));
            return b.build();
        }
        if (first instanceof UnknownSnapshot) {
            UnknownSnapshot.Builder b = UnknownSnapshot.builder().name(first.getMetadata().getName())
                    .help(first.getMetadata().getHelp());
            points.forEach(p -> b.dataPoint((UnknownSnapshot.UnknownDataPointSnapshot) p));
            return b.build();
        }
        conflicts.add(name + " (only the first " + first.getClass().getSimpleName() + " kept)");
        return first;
    }
}
