package dev.nodepulse.metrics;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a collector puts what it read. Asking twice for the same family returns the same builder, so a
 * collector can add to a family from several places; asking with another type or label set is a bug in
 * the collector and fails loudly.
 */
public final class MetricSink {

    private final Map<String, Family> families = new LinkedHashMap<>();
    private final List<MetricSnapshot> prebuilt = new ArrayList<>();

    public Family gauge(String name, String help, String... labelNames) {
        return family(name, help, MetricType.GAUGE, labelNames);
    }

    public Family counter(String name, String help, String... labelNames) {
        return family(name, help, MetricType.COUNTER, labelNames);
    }

    public Family untyped(String name, String help, String... labelNames) {
        return family(name, help, MetricType.UNTYPED, labelNames);
    }

    public Family family(String name, String help, MetricType type, String... labelNames) {
        Family f = families.get(name);
        if (f == null) {
            f = new Family(name, help, type, labelNames);
            families.put(name, f);
        } else if (!f.sameShape(type, labelNames)) {
            throw new IllegalStateException("family " + name + " re-declared with another type or label set");
        }
        return f;
    }

    /** A snapshot some other code built whole (summaries and histograms from textfiles). */
    public void add(MetricSnapshot snapshot) {
        prebuilt.add(snapshot);
    }

    public boolean isEmpty() {
        return families.isEmpty() && prebuilt.isEmpty();
    }

    public Family get(String name) {
        return families.get(name);
    }

    /** The snapshots added whole with {@link #add(MetricSnapshot)}. */
    List<MetricSnapshot> prebuilt() {
        return prebuilt;
    }

    public List<Family> families() {
        return List.copyOf(families.values());
    }

    /** Snapshots of every non-empty family, in the order they were first declared. */
    public List<MetricSnapshot> build() {
        List<MetricSnapshot> out = new ArrayList<>(families.size() + prebuilt.size());
        for (Family f : families.values()) {
            if (f.size() > 0) {
                out.add(f.build());
            }
        }
        out.addAll(prebuilt);
        return out;
    }
}
