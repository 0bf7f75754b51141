package dev.nodepulse.metrics;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One metric family under construction: a name, a type, fixed label names and the samples added so far.
 * Collectors add plain values; the client_java snapshot objects are made once, in {@link #build()}.
 */
public final class Family {

    private static final long NO_TIMESTAMP = Long.MIN_VALUE;

    private final String name;
    private final String help;
    private final MetricType type;
    private final String[] labelNames;
    private final List<String[]> labelValues = new ArrayList<>();
    private double[] values = new double[4];
    private long[] timestamps;
    private int duplicates;

    Family(String name, String help, MetricType type, String[] labelNames) {
        Names.checkFamily(name, labelNames);
        this.name = name;
        this.help = help;
        this.type = type;
        this.labelNames = labelNames.clone();
    }

    public String name() {
        return name;
    }

    public String help() {
        return help;
    }

    public MetricType type() {
        return type;
    }

    public List<String> labelNames() {
        return List.of(labelNames);
    }

    public int size() {
        return labelValues.size();
    }

    /** Adds one sample; label values are given in the order of the label names. */
    public Family add(double value, String... values) {
        return addAt(value, NO_TIMESTAMP, values);
    }

    /** Adds a sample with an explicit timestamp (the kubelet's /metrics/resource carries them). */
    public Family addAt(double value, long timestampMillis, String... values) {
        if (values.length != labelNames.length) {
            throw new IllegalArgumentException(name + ": " + labelNames.length + " label values expected, got "
                    + values.length + " " + Arrays.toString(values));
        }
        int i = labelValues.size();
        if (i == this.values.length) {
            this.values = Arrays.copyOf(this.values, i * 2);
            if (timestamps != null) {
                timestamps = Arrays.copyOf(timestamps, i * 2);
            }
        }
        if (timestampMillis != NO_TIMESTAMP && timestamps == null) {
            timestamps = new long[this.values.length];
            Arrays.fill(timestamps, NO_TIMESTAMP);
        }
        this.values[i] = value;
        if (timestamps != null) {
            timestamps[i] = timestampMillis;
        }
        labelValues.add(values.clone());
        return this;
    }

    public double value(int i) {
        return values[i];
    }

    public List<String> labelValues(int i) {
        return List.of(labelValues.get(i));
    }

    /** Label {@code label} (an index into {@link #labelNames()}) of sample {@code i}, without copying. */
    public String labelValue(int i, int label) {
        return labelValues.get(i)[label];
    }

    /** Whether any sample was added with an explicit timestamp. */
    public boolean hasTimestamps() {
        return timestamps != null;
    }

    String[] labelNameArray() {
        return labelNames;
    }

    /** Samples dropped by the last {@link #build()} because their label set had been added before. */
    public int duplicates() {
        return duplicates;
    }

    boolean sameShape(MetricType t, String[] names) {
        return type == t && Arrays.equals(labelNames, names);
    }

    /** The family as a client_java snapshot. A repeated label set keeps its first value. */
    public MetricSnapshot build() {
        Set<Labels> seen = new HashSet<>();
        duplicates = 0;
        switch (type) {
            case GAUGE: {
                GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(help);
                for (int i = 0; i < labelValues.size(); i++) {
                    Labels labels = labels(i);
                    if (seen.add(labels)) {
                        var p = GaugeSnapshot.GaugeDataPointSnapshot.builder().value(values[i]).labels(labels);
                        if (hasTimestamp(i)) {
                            p.scrapeTimestampMillis(timestamps[i]);
                        }
                        b.dataPoint(p.build());
                    } else {
                        duplicates++;
                    }
                }
                return b.build();
            }
            case COUNTER: {
                CounterSnapshot.Builder b = CounterSnapshot.builder().name(name).help(help);
                for (int i = 0; i < labelValues.size(); i++) {
                    Labels labels = labels(i);
                    if (seen.add(labels)) {
                        var p = CounterSnapshot.CounterDataPointSnapshot.builder().value(values[i]).labels(labels);
                        if (hasTimestamp(i)) {
                            p.scrapeTimestampMillis(timestamps[i]);
                        }
                        b.dataPoint(p.build());
                    } else {
                        duplicates++;
                    }
                }
                return b.build();
            }
            default: {
                UnknownSnapshot.Builder b = UnknownSnapshot.builder().name(name).help(help);
                for (int i = 0; i < labelValues.size(); i++) {
                    Labels labels = labels(i);
                    if (seen.add(labels)) {
                        var p = UnknownSnapshot.UnknownDataPointSnapshot.builder().value(values[i]).labels(labels);
                        if (hasTimestamp(i)) {
                            p.scrapeTimestampMillis(timestamps[i]);
                        }
                        b.dataPoint(p.build());
                    } else {
                        duplicates++;
                    }
                }
                return b.build();
            }
        }
    }

    private boolean hasTimestamp(int i) {
        return timestamps != null && timestamps[i] != NO_TIMESTAMP;
    }

    private Labels labels(int i) {
        return labelNames.length == 0 ? Labels.EMPTY : Labels.of(labelNames, labelValues.get(i));
    }
}
