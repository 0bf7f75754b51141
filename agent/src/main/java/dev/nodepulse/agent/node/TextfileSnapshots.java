package dev.nodepulse.agent.node;

import dev.nodepulse.log.Log;
import dev.nodepulse.metrics.text.Bucket;
import dev.nodepulse.metrics.text.Histogram;
import dev.nodepulse.metrics.text.LabelSet;
import dev.nodepulse.metrics.text.MetricFamily;
import dev.nodepulse.metrics.text.MetricKind;
import dev.nodepulse.metrics.text.Quantile;
import dev.nodepulse.metrics.text.Sample;
import dev.nodepulse.metrics.text.Summary;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns the textfile collector's parsed families into client_java snapshots, reproducing what node_exporter's
 * registry makes of the same input:
 *
 * <ul>
 *   <li>Copies of one family from several files are merged. The first copy fixes type and HELP; a later copy
 *       with another type or HELP is dropped, and a series (name and labels) seen before keeps its first
 *       value, as client_golang's Gather drops such metrics (logged, not a scrape error).</li>
 *   <li>Labels missing from some samples are filled with "" per copy (one file's family), as node_exporter
 *       fills them; two files may still give one family different label sets.</li>
 *   <li>A counter whose name lacks {@code _total} is published as untyped: client_java 1.x would expose a
 *       counter {@code foo} as {@code foo_total} (it appends the suffix in every format), renaming the series
 *       dashboards query; node_exporter publishes it as {@code foo}. The series name wins over the TYPE line.</li>
 *   <li>Histograms: buckets as given, the {@code +Inf} bucket added with the sample count when missing (as
 *       client_golang writes it); client_java derives {@code _count} from the {@code +Inf} bucket. As in
 *       node_exporter, counts that are not whole numbers read as 0 (client_golang keeps them in float fields the
 *       textfile collector does not read), and a summary's count is truncated to an integer.</li>
 *   <li>What client_java cannot represent is dropped with an error log and counts as a scrape error: label
 *       names starting with "__" (node_exporter panics on them), gauge histograms (node_exporter panics),
 *       negative counter values, quantiles outside [0, 1], and buckets whose cumulative counts decrease.</li>
 * </ul>
 */
final class TextfileSnapshots {

    private static final Log LOG = Log.get(TextfileSnapshots.class);

    /** The snapshots, and whether anything had to be refused (counts as a textfile scrape error). */
    record Result(List<MetricSnapshot> snapshots, boolean rejected) {}

    private TextfileSnapshots() {}

    static Result build(List<TextfileCollector.Copy> copies) {
        Map<String, List<TextfileCollector.Copy>> byName = new LinkedHashMap<>();
        for (TextfileCollector.Copy c : copies) {
            byName.computeIfAbsent(c.family().name(), k -> new ArrayList<>()).add(c);
        }
        List<MetricSnapshot> out = new ArrayList<>(byName.size());
        boolean rejected = false;
        for (List<TextfileCollector.Copy> group : byName.values()) {
            Builder b = new Builder(group.get(0));
            for (TextfileCollector.Copy c : group) {
                b.add(c);
            }
            rejected |= b.rejected;
            MetricSnapshot s = b.snapshot();
            if (s != null) {
                out.add(s);
            }
        }
        return new Result(out, rejected);
    }

    /** One family under construction from its copies. */
    private static final class Builder {
        final String name;
        final MetricKind kind;
        final String help;
        final Set<Labels> seen = new HashSet<>();
        final List<Object> points = new ArrayList<>();
        boolean rejected;

        Builder(TextfileCollector.Copy first) {
            this.name = first.family().name();
            this.kind = first.family().kind();
            this.help = first.help();
        }

        void add(TextfileCollector.Copy c) {
            MetricFamily f = c.family();
            if (f.kind() != kind) {
                LOG.error("textfile metric dropped: type differs from an earlier file's", "metric", name,
                        "file", c.file(), "type", f.kind(), "expected", kind);
                return;
            }
            if (!c.help().equals(help)) {
                LOG.error("textfile metric dropped: help differs from an earlier file's", "metric", name,
                        "file", c.file(), "help", c.help(), "expected", help);
                return;
            }
            if (kind == MetricKind.GAUGE_HISTOGRAM) {
                reject(c, "gauge histograms are not supported in textfiles");
                return;
            }
            try {
                switch (kind) {
                    case SUMMARY -> addSummaries(c);
                    case HISTOGRAM -> addHistograms(c);
                    default -> addSamples(c);
                }
            } catch (IllegalArgumentException e) {
                reject(c, e.getMessage());
            }
        }

        private void reject(TextfileCollector.Copy c, String why) {
            rejected = true;
            LOG.error("textfile metric dropped", "metric", name, "file", c.file(), "err", why);
        }

        private void addSamples(TextfileCollector.Copy c) {
            List<Sample> samples = c.family().samples();
            String[] names = checkedNames(allLabelNames(samples.stream().map(Sample::labels).toList()));
            List<Object> pending = new ArrayList<>();
            List<Labels> pendingLabels = new ArrayList<>();
            for (Sample s : samples) {
                Labels labels = labels(names, s.labels());
                if (kind == MetricKind.COUNTER && counterKeepsName() && s.value() < 0) {
                    reject(c, "negative counter value " + s.value() + " for " + labels);
                    continue;
                }
                pendingLabels.add(labels);
                pending.add(switch (kind) {
                    case COUNTER -> counterKeepsName()
                            ? CounterSnapshot.CounterDataPointSnapshot.builder().labels(labels).value(s.value()).build()
                            : UnknownSnapshot.UnknownDataPointSnapshot.builder().labels(labels).value(s.value()).build();
                    case GAUGE -> GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(labels).value(s.value()).build();
                    default -> UnknownSnapshot.UnknownDataPointSnapshot.builder().labels(labels).value(s.value()).build();
                });
            }
            commit(c, pendingLabels, pending);
        }

        private void addSummaries(TextfileCollector.Copy c) {
            List<Summary> summaries = c.family().summaries();
            String[] names = checkedNames(allLabelNames(summaries.stream().map(Summary::labels).toList()));
            List<Object> pending = new ArrayList<>();
            List<Labels> pendingLabels = new ArrayList<>();
            for (Summary s : summaries) {
                Labels labels = labels(names, s.labels());
                // client_golang keeps one value per quantile (the last); client_java needs them in [0, 1].
                TreeMap<Double, Double> byQuantile = new TreeMap<>();
                for (Quantile q : s.quantiles()) {
                    if (q.quantile() < 0 || q.quantile() > 1) {
                        reject(c, "quantile " + q.quantile() + " outside [0, 1] for " + labels);
                        continue;
                    }
                    byQuantile.put(q.quantile(), q.value());
                }
                Quantiles.Builder qs = Quantiles.builder();
                byQuantile.forEach(qs::quantile);
                pendingLabels.add(labels);
                pending.add(SummarySnapshot.SummaryDataPointSnapshot.builder().labels(labels)
                        .count(goUint64(s.count())).sum(s.sum()).quantiles(qs.build()).build());
            }
            commit(c, pendingLabels, pending);
        }

        private void addHistograms(TextfileCollector.Copy c) {
            List<Histogram> histograms = c.family().histograms();
            String[] names = checkedNames(allLabelNames(histograms.stream().map(Histogram::labels).toList()));
            List<Object> pending = new ArrayList<>();
            List<Labels> pendingLabels = new ArrayList<>();
            for (Histogram h : histograms) {
                Labels labels = labels(names, h.labels());
                // expfmt turns every count of a histogram into a float field as soon as one is not whole,
                // and node_exporter reads only the integer fields, which are then 0.
                boolean floats = !isWhole(h.count());
                for (Bucket bucket : h.buckets()) {
                    floats |= !isWhole(bucket.cumulativeCount());
                }
                long count = floats ? 0 : goUint64(h.count());
                TreeMap<Double, Long> cumulative = new TreeMap<>();
                for (Bucket bucket : h.buckets()) {
                    cumulative.put(bucket.upperBound(), floats ? 0 : goUint64(bucket.cumulativeCount()));
                }
                cumulative.putIfAbsent(Double.POSITIVE_INFINITY, count);
                double[] bounds = new double[cumulative.size()];
                long[] counts = new long[cumulative.size()];
                int i = 0;
                long previous = 0;
                boolean decreasing = false;
                for (Map.Entry<Double, Long> e : cumulative.entrySet()) {
                    bounds[i] = e.getKey();
                    counts[i] = e.getValue() - previous;
                    decreasing |= counts[i] < 0;
                    previous = e.getValue();
                    i++;
                }
                if (decreasing) {
                    reject(c, "cumulative bucket counts decrease for " + labels);
                    continue;
                }
                pendingLabels.add(labels);
                pending.add(HistogramSnapshot.HistogramDataPointSnapshot.builder().labels(labels).sum(h.sum())
                        .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, counts)).build());
            }
            commit(c, pendingLabels, pending);
        }

        /** Adds a copy's points once all of them converted; a series seen before keeps its first value. */
        private void commit(TextfileCollector.Copy c, List<Labels> labels, List<Object> pending) {
            for (int i = 0; i < pending.size(); i++) {
                if (seen.add(labels.get(i))) {
                    points.add(pending.get(i));
                } else {
                    LOG.error("textfile metric dropped: collected before with the same name and label values",
                            "metric", name, "labels", labels.get(i), "file", c.file());
                }
            }
        }

        /** node_exporter keeps a counter's name; client_java appends _total to counters lacking it. */
        private boolean counterKeepsName() {
            return name.endsWith("_total");
        }

        MetricSnapshot snapshot() {
            if (points.isEmpty()) {
                return null;
            }
            switch (kind) {
                case COUNTER -> {
                    if (counterKeepsName()) {
                        CounterSnapshot.Builder b = CounterSnapshot.builder().name(name).help(help);
                        points.forEach(p -> b.dataPoint((CounterSnapshot.CounterDataPointSnapshot) p));
                        return b.build();
                    }
                    UnknownSnapshot.Builder b = UnknownSnapshot.builder().name(name).help(help);
                    points.forEach(p -> b.dataPoint((UnknownSnapshot.UnknownDataPointSnapshot) p));
                    return b.build();
                }
                case GAUGE -> {
                    GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(help);
                    points.forEach(p -> b.dataPoint((GaugeSnapshot.GaugeDataPointSnapshot) p));
                    return b.build();
                }
                case SUMMARY -> {
                    SummarySnapshot.Builder b = SummarySnapshot.builder().name(name).help(help);
                    points.forEach(p -> b.dataPoint((SummarySnapshot.SummaryDataPointSnapshot) p));
                    return b.build();
                }
                case HISTOGRAM -> {
                    HistogramSnapshot.Builder b = HistogramSnapshot.builder().name(name).help(help);
                    points.forEach(p -> b.dataPoint((HistogramSnapshot.HistogramDataPointSnapshot) p));
                    return b.build();
                }
                default -> {
                    UnknownSnapshot.Builder b = UnknownSnapshot.builder().name(name).help(help);
                    points.forEach(p -> b.dataPoint((UnknownSnapshot.UnknownDataPointSnapshot) p));
                    return b.build();
                }
            }
        }
    }

    /** Every label name any of the series has, in name order. */
    private static String[] allLabelNames(List<LabelSet> sets) {
        TreeSet<String> names = new TreeSet<>();
        for (LabelSet l : sets) {
            for (int i = 0; i < l.size(); i++) {
                names.add(l.name(i));
            }
        }
        return names.toArray(new String[0]);
    }

    /** Every label name any of the series has, in name order; throws for names reserved to Prometheus. */
    private static String[] checkedNames(String[] names) {
        for (String n : names) {
            if (n.startsWith("__")) {
                throw new IllegalArgumentException("label name \"" + n + "\" is reserved");
            }
        }
        return names;
    }

    /** The series' labels with the family's other label names added as "". */
    private static Labels labels(String[] names, LabelSet given) {
        if (names.length == 0) {
            return Labels.EMPTY;
        }
        String[] values = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            String v = given.get(names[i]);
            values[i] = v == null ? "" : v;
        }
        return Labels.of(names, values);
    }

    private static boolean isWhole(double v) {
        return v >= 0 && v == Math.rint(v) && !Double.isInfinite(v);
    }

    /** Go's uint64(float64) for the values a count can sensibly have; negatives and NaN become 0. */
    private static long goUint64(double v) {
        if (!(v > 0)) {
            return 0;
        }
        return v >= 0x1p63 ? Long.MAX_VALUE : (long) v;
    }
}
