package dev.nodepulse.metrics;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything one exposition serves: the {@link Family} objects collectors filled, kept as they are, and the
 * client_java snapshots some code built whole (histograms, summaries, client_java's own metrics). Families of
 * the same name from several collectors are grouped, with the rules {@link SnapshotMerger} applies (a repeated
 * label set keeps its first value, a type clash keeps the first family). {@link TextExposition} writes this
 * without building a snapshot per sample; {@link #toSnapshots()} gives client_java's model for other formats.
 */
public final class MetricFamilies {

    /** One metric family of the exposition. */
    public sealed interface Entry permits Group, Prebuilt {
        /** client_java's Prometheus name: the key it sorts and merges families by. */
        String prometheusName();
    }

    /** Families of one name, one type and one label set, from one or more collectors, in the order added. */
    public record Group(String prometheusName, List<Family> parts) implements Entry {
        public Family first() {
            return parts.get(0);
        }

        public int size() {
            int n = 0;
            for (Family f : parts) {
                n += f.size();
            }
            return n;
        }

        public boolean hasTimestamps() {
            for (Family f : parts) {
                if (f.hasTimestamps()) {
                    return true;
                }
            }
            return false;
        }

        /** The group as one client_java snapshot (label sets already seen are dropped, as Family.build does). */
        public MetricSnapshot toSnapshot() {
            if (parts.size() == 1) {
                return first().build();
            }
            SnapshotMerger m = new SnapshotMerger();
            for (Family f : parts) {
                m.add(List.of(f.build()));
            }
            return m.build().get(0);
        }
    }

    /** A family client_java's model already holds. */
    public record Prebuilt(String prometheusName, MetricSnapshot snapshot) implements Entry {}

    private static final int MAX_CACHED_NAMES = 20_000;
    private static final Map<MetricType, Map<String, String>> PROMETHEUS_NAMES = new java.util.EnumMap<>(Map.of(
            MetricType.GAUGE, new ConcurrentHashMap<>(), MetricType.COUNTER, new ConcurrentHashMap<>(),
            MetricType.UNTYPED, new ConcurrentHashMap<>()));

    private final List<Entry> entries;
    private final List<String> conflicts;

    private MetricFamilies(List<Entry> entries, List<String> conflicts) {
        this.entries = entries;
        this.conflicts = conflicts;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The entries, not sorted (writers sort by {@link Entry#prometheusName()}, as client_java does). */
    public List<Entry> entries() {
        return entries;
    }

    /** What grouping dropped or could not combine, for the one log line a scrape may write about it. */
    public List<String> conflicts() {
        return conflicts;
    }

    /** client_java's model of the same exposition (protobuf and any other writer take it). */
    public MetricSnapshots toSnapshots() {
        MetricSnapshots.Builder b = MetricSnapshots.builder();
        for (Entry e : entries) {
            if (e instanceof Group g) {
                if (g.size() > 0) {
                    b.metricSnapshot(g.toSnapshot());
                }
            } else {
                b.metricSnapshot(((Prebuilt) e).snapshot());
            }
        }
        return b.build();
    }

    /** Collects sinks and snapshots; families meet by client_java's Prometheus name. */
    public static final class Builder {
        private final Map<String, List<Object>> byName = new LinkedHashMap<>();

        public Builder add(MetricSink sink) {
            for (Family f : sink.families()) {
                if (f.size() > 0) {
                    byName.computeIfAbsent(prometheusName(f), k -> new ArrayList<>(1)).add(f);
                }
            }
            add(sink.prebuilt());
            return this;
        }

        public Builder add(List<MetricSnapshot> snapshots) {
            for (MetricSnapshot s : snapshots) {
                byName.computeIfAbsent(s.getMetadata().getPrometheusName(), k -> new ArrayList<>(1)).add(s);
            }
            return this;
        }

        public MetricFamilies build() {
            List<Entry> entries = new ArrayList<>(byName.size());
            List<String> conflicts = new ArrayList<>();
            for (Map.Entry<String, List<Object>> e : byName.entrySet()) {
                List<Object> parts = e.getValue();
                if (parts.size() == 1 && parts.get(0) instanceof MetricSnapshot s) {
                    entries.add(new Prebuilt(e.getKey(), s));
                } else if (sameShapeFamilies(parts)) {
                    List<Family> families = new ArrayList<>(parts.size());
                    parts.forEach(p -> families.add((Family) p));
                    if (families.size() > 1) {
                        reportRepeatedSeries(families, conflicts);
                    }
                    entries.add(new Group(e.getKey(), families));
                } else {
                    // Mixed shapes or prebuilt parts: client_java's model and the merger's rules decide.
                    SnapshotMerger m = new SnapshotMerger();
                    for (Object p : parts) {
                        m.add(List.of(p instanceof Family f ? f.build() : (MetricSnapshot) p));
                    }
                    MetricSnapshots merged = m.build();
                    conflicts.addAll(m.conflicts().families());
                    merged.forEach(s -> entries.add(new Prebuilt(e.getKey(), s)));
                }
            }
            return new MetricFamilies(entries, conflicts);
        }

        private static boolean sameShapeFamilies(List<Object> parts) {
            if (!(parts.get(0) instanceof Family first)) {
                return false;
            }
            for (int i = 1; i < parts.size(); i++) {
                if (!(parts.get(i) instanceof Family f) || !f.sameShape(first.type(), first.labelNameArray())) {
                    return false;
                }
            }
            return true;
        }

        /** A label set that a later collector repeats is dropped when writing; say so, as SnapshotMerger did. */
        private static void reportRepeatedSeries(List<Family> families, List<String> conflicts) {
            Set<List<String>> seen = new HashSet<>();
            for (int p = 0; p < families.size(); p++) {
                Family f = families.get(p);
                Set<List<String>> mine = new HashSet<>();
                for (int i = 0; i < f.size(); i++) {
                    List<String> values = f.labelValues(i);
                    if (seen.contains(values)) {
                        conflicts.add(f.name() + " " + io.prometheus.metrics.model.snapshots.Labels.of(
                                f.labelNameArray(), values.toArray(new String[0])));
                    }
                    mine.add(values);
                }
                seen.addAll(mine);
            }
        }
    }

    /**
     * client_java's Prometheus name for a family: the name with type suffixes handled as its snapshots do
     * ({@code _total} of counters), so families meet and sort exactly as they did as snapshots. Cached by
     * name and type; computing it builds an empty snapshot.
     */
    static String prometheusName(Family f) {
        Map<String, String> cache = PROMETHEUS_NAMES.get(f.type());
        String cached = cache.get(f.name());
        if (cached != null) {
            return cached;
        }
        MetricSnapshot empty = switch (f.type()) {
            case GAUGE -> GaugeSnapshot.builder().name(f.name()).build();
            case COUNTER -> CounterSnapshot.builder().name(f.name()).build();
            case UNTYPED -> UnknownSnapshot.builder().name(f.name()).build();
        };
        String name = empty.getMetadata().getPrometheusName();
        if (cache.size() >= MAX_CACHED_NAMES) {
            cache.clear();
        }
        cache.put(f.name(), name);
        return name;
    }
}
