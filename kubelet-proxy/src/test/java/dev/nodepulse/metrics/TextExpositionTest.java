package dev.nodepulse.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The streaming writer must write exactly what client_java writes for the same families, and what the
 * snapshot pipeline it replaces (MetricSink.build + SnapshotMerger) wrote.
 */
class TextExpositionTest {

    private static final ExpositionFormats FORMATS = ExpositionFormats.init();
    private static final List<ExpositionFormatWriter> TEXT_WRITERS = List.of(FORMATS.getPrometheusTextFormatWriter(),
            FORMATS.getOpenMetricsTextFormatWriter());
    private static final List<EscapingScheme> SCHEMES = List.of(EscapingScheme.UNDERSCORE_ESCAPING,
            EscapingScheme.ALLOW_UTF8, EscapingScheme.DOTS_ESCAPING, EscapingScheme.VALUE_ENCODING_ESCAPING);

    /** A collector's worth of awkward families. */
    private static MetricSink first() {
        MetricSink s = new MetricSink();
        Family g = s.gauge("node_test_values", "Values of every shape.", "kind");
        double[] values = {0, -0.0, 1, -5, 0.1, 1e-9, 9_999_999, 10_000_000, 12_345_678, 1.5e300, 9_007_199_254_740_993.0,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -123456.75};
        for (int i = 0; i < values.length; i++) {
            g.add(values[i], String.format("v%02d", i));
        }
        // Label names out of order, samples out of order, a repeated label set (first value wins).
        Family c = s.counter("node_test_events_total", "Events by device and mode.", "mode", "device");
        c.add(3, "user", "sdb").add(1, "idle", "sda").add(2, "user", "sda").add(99, "idle", "sda").add(4, "idle", "sdb");
        // Escapes and non-ASCII in label values and help.
        s.gauge("node_test_escapes", "Help with a backslash \\ and a\nnewline.", "path")
                .add(1, "C:\\dir \"quoted\"\nline").add(2, "café ☕ 日本").add(3, "");
        s.untyped("node_test_untyped", "", "a").add(7, "x");
        s.gauge("node_test_no_labels", "No labels.").add(42).add(43);
        s.counter("node_test_counter_without_suffix", "A counter named without _total.").add(5);
        s.gauge("node_test_shared", "Published by two collectors.", "cpu").add(10, "1").add(11, "0");
        s.gauge("node.dotted_name", "A name client_java escapes.", "label").add(1, "x");
        s.gauge("node_test_timestamps", "Samples with timestamps.", "x").addAt(1, 1_700_000_000_123L, "a");
        s.gauge("node_test_empty", "Declared, never added to.");
        return s;
    }

    private static MetricSink second() {
        MetricSink s = new MetricSink();
        s.gauge("node_test_shared", "Published by two collectors.", "cpu").add(20, "0").add(12, "2");
        s.counter("node_test_shared_clash", "First a counter.").add(1);
        s.add(SummarySnapshot.builder().name("node_test_summary").help("A prebuilt summary.")
                .dataPoint(SummarySnapshot.SummaryDataPointSnapshot.builder().count(3).sum(1.5)
                        .quantiles(Quantiles.of(new io.prometheus.metrics.model.snapshots.Quantile(0.5, 0.4)))
                        .labels(Labels.of("x", "y")).build())
                .build());
        return s;
    }

    private static MetricSink third() {
        MetricSink s = new MetricSink();
        s.gauge("node_test_shared_clash", "Then a gauge of the same name.").add(2);
        s.gauge("node_test_shared", "Published by two collectors.", "cpu", "extra").add(30, "3", "e");
        return s;
    }

    private static String streaming(MetricFamilies f, ExpositionFormatWriter w, EscapingScheme e) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        TextExposition.write(b, f, w, e);
        return b.toString(StandardCharsets.UTF_8);
    }

    private static String clientJava(io.prometheus.metrics.model.snapshots.MetricSnapshots s, ExpositionFormatWriter w,
            EscapingScheme e) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        w.write(b, s, e);
        return b.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesWhatClientJavaWritesForTheSameFamilies() throws IOException {
        MetricFamilies f = MetricFamilies.builder().add(first()).add(second()).build();
        for (ExpositionFormatWriter w : TEXT_WRITERS) {
            for (EscapingScheme e : SCHEMES) {
                assertEquals(clientJava(f.toSnapshots(), w, e), streaming(f, w, e), w.getClass().getSimpleName() + " " + e);
            }
        }
    }

    @Test
    void writesWhatTheSnapshotPipelineWrote() throws IOException {
        List<MetricSink> sinks = List.of(first(), second());
        MetricFamilies.Builder families = MetricFamilies.builder();
        SnapshotMerger merger = new SnapshotMerger();
        for (MetricSink s : sinks) {
            families.add(s);
            merger.add(s.build());
        }
        MetricFamilies f = families.build();
        io.prometheus.metrics.model.snapshots.MetricSnapshots merged = merger.build();
        for (ExpositionFormatWriter w : TEXT_WRITERS) {
            assertEquals(clientJava(merged, w, EscapingScheme.DEFAULT), streaming(f, w, EscapingScheme.DEFAULT),
                    w.getClass().getSimpleName());
        }
        // The repeated series of the shared family is reported, as SnapshotMerger reported it.
        assertEquals(merger.conflicts().families(), f.conflicts());
    }

    @Test
    void shapeAndTypeClashesFollowTheMergerRules() throws IOException {
        MetricFamilies f = MetricFamilies.builder().add(first()).add(second()).add(third()).build();
        SnapshotMerger merger = new SnapshotMerger().add(first().build()).add(second().build()).add(third().build());
        String expected = clientJava(merger.build(), FORMATS.getPrometheusTextFormatWriter(), EscapingScheme.DEFAULT);
        assertEquals(expected, streaming(f, FORMATS.getPrometheusTextFormatWriter(), EscapingScheme.DEFAULT));
        assertTrue(expected.contains("node_test_shared_clash_total 1.0\n"), expected);
        assertTrue(f.conflicts().stream().anyMatch(c -> c.startsWith("node_test_shared_clash")), f.conflicts().toString());
    }

    @Test
    void manySamplesInRandomOrderSortAndDeduplicateAsClientJava() throws IOException {
        MetricSink s = new MetricSink();
        Family f = s.counter("node_test_many_total", "Many.", "b", "a");
        java.util.Random r = new java.util.Random(42);
        for (int i = 0; i < 5000; i++) {
            f.add(i, "b" + r.nextInt(100), "a" + r.nextInt(40));
        }
        MetricFamilies families = MetricFamilies.builder().add(s).build();
        for (ExpositionFormatWriter w : TEXT_WRITERS) {
            assertEquals(clientJava(new SnapshotMerger().add(s.build()).build(), w, EscapingScheme.DEFAULT),
                    streaming(families, w, EscapingScheme.DEFAULT));
        }
    }

    @Test
    void protobufGetsClientJavasModel() throws IOException {
        MetricFamilies f = MetricFamilies.builder().add(first()).build();
        ExpositionFormatWriter pb = FORMATS.getPrometheusProtobufWriter();
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        TextExposition.write(a, f, pb, EscapingScheme.DEFAULT);
        pb.write(b, f.toSnapshots(), EscapingScheme.DEFAULT);
        assertEquals(java.util.Arrays.toString(b.toByteArray()), java.util.Arrays.toString(a.toByteArray()));
    }

    @Test
    void familiesClientJavaWouldRejectFailWhenDeclared() {
        MetricSink s = new MetricSink();
        assertThrows(IllegalArgumentException.class, () -> s.gauge("", "empty name"));
        assertThrows(IllegalArgumentException.class, () -> s.gauge("node_x", "reserved label", "__name__"));
        assertThrows(IllegalArgumentException.class, () -> s.gauge("node_y", "repeated label", "a", "a"));
        assertThrows(IllegalArgumentException.class, () -> s.gauge("node_z", "empty label", ""));
        MetricSnapshot ok = s.gauge("node_ok", "fine", "device", "le").add(1, "a", "b").build();
        assertEquals("node_ok", ok.getMetadata().getName());
        assertTrue(CounterSnapshot.class.isInstance(s.counter("node_c_total", "c").add(1).build()));
    }
}
