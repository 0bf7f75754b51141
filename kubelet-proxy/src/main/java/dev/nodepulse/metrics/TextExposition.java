package dev.nodepulse.metrics;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes {@link MetricFamilies} in the Prometheus text format or OpenMetrics, byte for byte as client_java's
 * {@link PrometheusTextFormatWriter} and {@link OpenMetricsTextFormatWriter} write the same families, but
 * straight from the collectors' {@link Family} arrays: no client_java snapshot, label set or data point object
 * per sample.
 *
 * <p>How it stays identical: for each family shape (name, help, type, label names) client_java itself writes a
 * one-sample family once; its header lines and sample name are cached and reused, and the sample line it wrote
 * is compared with the one this class writes for the same sample. A shape where they differ (names needing
 * escaping, another escaping scheme, a writer setting this class does not know) is written by client_java,
 * family by family, as are the snapshots that arrive prebuilt. Samples are sorted and de-duplicated as
 * client_java's snapshots sort them and {@link Family#build()} de-duplicates them.
 */
public final class TextExposition {

    private static final int MAX_TEMPLATES = 20_000;
    private static final byte[] EOF = "# EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final Map<TemplateKey, Template> TEMPLATES = new ConcurrentHashMap<>();

    private TextExposition() {}

    /** Whether {@link #write} writes this format itself (else it hands client_java the snapshots). */
    public static boolean handles(ExpositionFormatWriter writer) {
        return writer instanceof PrometheusTextFormatWriter || writer instanceof OpenMetricsTextFormatWriter;
    }

    /** Writes the families as {@code writer} would write {@link MetricFamilies#toSnapshots()}. */
    public static void write(OutputStream out, MetricFamilies families, ExpositionFormatWriter writer,
            EscapingScheme scheme) throws IOException {
        if (!handles(writer)) {
            writer.write(out, families.toSnapshots(), scheme);
            return;
        }
        try {
            writeText(out, families, writer, scheme);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void writeText(OutputStream out, MetricFamilies families, ExpositionFormatWriter writer,
            EscapingScheme scheme) throws IOException {
        boolean openMetrics = writer instanceof OpenMetricsTextFormatWriter;
        List<MetricFamilies.Entry> entries = new ArrayList<>(families.entries());
        entries.sort(Comparator.comparing(MetricFamilies.Entry::prometheusName));
        ByteOut buf = new ByteOut(out);
        // Families client_java writes are passed to it in runs of neighbours: each call costs it ~30 KB of buffers.
        List<MetricSnapshot> forClientJava = new ArrayList<>();
        for (MetricFamilies.Entry e : entries) {
            if (e instanceof MetricFamilies.Group g) {
                if (g.size() == 0) {
                    continue;
                }
                Template t = g.hasTimestamps() ? null : template(writer, scheme, g.first());
                if (t != null && t.fast) {
                    writeWithClientJava(buf, forClientJava, writer, scheme, openMetrics);
                    writeGroup(buf, g, t);
                } else {
                    forClientJava.add(g.toSnapshot());
                }
            } else {
                forClientJava.add(((MetricFamilies.Prebuilt) e).snapshot());
            }
        }
        writeWithClientJava(buf, forClientJava, writer, scheme, openMetrics);
        if (openMetrics) {
            buf.write(EOF, 0, EOF.length);
        }
        buf.flush();
    }

    // ---- one family shape, as client_java writes it ----

    private record TemplateKey(ExpositionFormatWriter writer, EscapingScheme scheme, String name, String help,
            MetricType type, List<String> labelNames) {}

    /** The fixed bytes of one family shape. */
    static final class Template {
        /** False when this class cannot reproduce client_java's sample lines for the shape. */
        final boolean fast;
        final byte[] header;
        final byte[] sampleName;
        /** Label indexes (into the family's label names) in the order client_java writes them: sorted by name. */
        final int[] order;
        /** Before each label value: {@code {name="} for the first, {@code ",name="} for the others. */
        final byte[][] labelStart;

        Template(boolean fast, byte[] header, byte[] sampleName, int[] order, byte[][] labelStart) {
            this.fast = fast;
            this.header = header;
            this.sampleName = sampleName;
            this.order = order;
            this.labelStart = labelStart;
        }
    }

    static Template template(ExpositionFormatWriter writer, EscapingScheme scheme, Family f) throws IOException {
        TemplateKey key = new TemplateKey(writer, scheme, f.name(), f.help(), f.type(), Arrays.asList(f.labelNameArray()));
        Template t = TEMPLATES.get(key);
        if (t == null) {
            t = createTemplate(writer, scheme, f);
            if (TEMPLATES.size() >= MAX_TEMPLATES) {
                TEMPLATES.clear();
            }
            TEMPLATES.putIfAbsent(key, t);
        }
        return t;
    }

    private static final String PROBE_VALUE = "v";
    private static final double PROBE_SAMPLE = 1.5;

    private static Template createTemplate(ExpositionFormatWriter writer, EscapingScheme scheme, Family f)
            throws IOException {
        String[] names = f.labelNameArray();
        String[] values = new String[names.length];
        Arrays.fill(values, PROBE_VALUE);
        Labels labels = Labels.of(names, values);
        MetricSnapshot one = switch (f.type()) {
            case GAUGE -> GaugeSnapshot.builder().name(f.name()).help(f.help()).dataPoint(
                    GaugeSnapshot.GaugeDataPointSnapshot.builder().value(PROBE_SAMPLE).labels(labels).build()).build();
            case COUNTER -> CounterSnapshot.builder().name(f.name()).help(f.help()).dataPoint(
                    CounterSnapshot.CounterDataPointSnapshot.builder().value(PROBE_SAMPLE).labels(labels).build()).build();
            case UNTYPED -> UnknownSnapshot.builder().name(f.name()).help(f.help()).dataPoint(
                    UnknownSnapshot.UnknownDataPointSnapshot.builder().value(PROBE_SAMPLE).labels(labels).build()).build();
        };
        ByteArrayOutputStream b = new ByteArrayOutputStream(256);
        writer.write(b, MetricSnapshots.of(one), scheme);
        String text = b.toString(StandardCharsets.UTF_8);

        int sampleStart = 0;
        while (sampleStart < text.length() && text.charAt(sampleStart) == '#') {
            sampleStart = text.indexOf('\n', sampleStart) + 1;
            if (sampleStart == 0) {
                return slow();
            }
        }
        int sampleEnd = text.indexOf('\n', sampleStart) + 1;
        if (sampleStart >= text.length() || sampleEnd == 0) {
            return slow();
        }
        String sample = text.substring(sampleStart, sampleEnd);
        String rest = text.substring(sampleEnd);
        if (!rest.equals(writer instanceof OpenMetricsTextFormatWriter ? "# EOF\n" : "")) {
            return slow();
        }
        int cut = 0;
        while (cut < sample.length() && sample.charAt(cut) != '{' && sample.charAt(cut) != ' ') {
            cut++;
        }
        String sampleName = sample.substring(0, cut);

        Integer[] boxed = new Integer[names.length];
        for (int i = 0; i < boxed.length; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, Comparator.comparing(i -> names[i]));
        int[] order = new int[names.length];
        byte[][] labelStart = new byte[names.length][];
        for (int k = 0; k < order.length; k++) {
            order[k] = boxed[k];
            labelStart[k] = ((k == 0 ? "{" : "\",") + names[order[k]] + "=\"").getBytes(StandardCharsets.UTF_8);
        }

        Template t = new Template(true, text.substring(0, sampleStart).getBytes(StandardCharsets.UTF_8),
                sampleName.getBytes(StandardCharsets.UTF_8), order, labelStart);
        // The proof: this class must write client_java's sample line for the probe sample, else client_java writes.
        ByteArrayOutputStream mine = new ByteArrayOutputStream(sample.length());
        ByteOut o = new ByteOut(mine);
        writeSample(o, t, values, PROBE_SAMPLE);
        o.flush();
        return mine.toString(StandardCharsets.UTF_8).equals(sample) ? t : slow();
    }

    private static Template slow() {
        return new Template(false, null, null, null, null);
    }

    // ---- samples ----

    private static void writeGroup(ByteOut out, MetricFamilies.Group g, Template t) {
        List<Family> parts = g.parts();
        int n = g.size();
        Family[] fam = new Family[n];
        int[] local = new int[n];
        int k = 0;
        for (Family f : parts) {
            for (int i = 0; i < f.size(); i++) {
                fam[k] = f;
                local[k++] = i;
            }
        }
        out.write(t.header, 0, t.header.length);
        int[] order = t.order;
        if (order.length == 0) {
            // One series without labels; a repeat keeps the first value.
            writeSample(out, t, fam[0], local[0]);
            return;
        }
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        SampleOrder cmp = (a, b) -> compareLabels(fam[a], local[a], fam[b], local[b], order);
        if (!isSorted(idx, cmp)) {
            mergeSort(idx, new int[n], 0, n, cmp);
        }
        int prev = -1;
        for (int i : idx) {
            if (prev >= 0 && cmp.compare(prev, i) == 0) {
                continue;
            }
            writeSample(out, t, fam[i], local[i]);
            prev = i;
        }
    }

    @FunctionalInterface
    private interface SampleOrder {
        int compare(int a, int b);
    }

    /** Labels.compareTo for two samples of one shape: their values in label-name order. */
    private static int compareLabels(Family fa, int a, Family fb, int b, int[] order) {
        for (int label : order) {
            int c = fa.labelValue(a, label).compareTo(fb.labelValue(b, label));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static boolean isSorted(int[] idx, SampleOrder cmp) {
        for (int i = 1; i < idx.length; i++) {
            if (cmp.compare(idx[i - 1], idx[i]) > 0) {
                return false;
            }
        }
        return true;
    }

    /** Stable, so the first of equal label sets (the one added first) stays first, as in client_java's sort. */
    private static void mergeSort(int[] a, int[] tmp, int from, int to, SampleOrder cmp) {
        if (to - from < 2) {
            return;
        }
        if (to - from <= 16) {
            for (int i = from + 1; i < to; i++) {
                int v = a[i];
                int j = i - 1;
                while (j >= from && cmp.compare(a[j], v) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, tmp, from, mid, cmp);
        mergeSort(a, tmp, mid, to, cmp);
        if (cmp.compare(a[mid - 1], a[mid]) <= 0) {
            return;
        }
        System.arraycopy(a, from, tmp, from, to - from);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || (i < mid && cmp.compare(tmp[i], tmp[j]) <= 0)) {
                a[k] = tmp[i++];
            } else {
                a[k] = tmp[j++];
            }
        }
    }

    private static void writeSample(ByteOut out, Template t, Family f, int i) {
        out.write(t.sampleName, 0, t.sampleName.length);
        int[] order = t.order;
        for (int k = 0; k < order.length; k++) {
            out.write(t.labelStart[k], 0, t.labelStart[k].length);
            out.escaped(f.labelValue(i, order[k]));
        }
        if (order.length > 0) {
            out.ascii("\"}");
        }
        out.byte1(' ');
        out.value(f.value(i));
        out.byte1('\n');
    }

    private static void writeSample(ByteOut out, Template t, String[] values, double value) {
        out.write(t.sampleName, 0, t.sampleName.length);
        for (int k = 0; k < t.order.length; k++) {
            out.write(t.labelStart[k], 0, t.labelStart[k].length);
            out.escaped(values[t.order[k]]);
        }
        if (t.order.length > 0) {
            out.ascii("\"}");
        }
        out.byte1(' ');
        out.value(value);
        out.byte1('\n');
    }

    /** Writes and clears {@code run}: families in sort order with no family of another kind between them. */
    private static void writeWithClientJava(ByteOut out, List<MetricSnapshot> run, ExpositionFormatWriter writer,
            EscapingScheme scheme, boolean openMetrics) throws IOException {
        if (run.isEmpty()) {
            return;
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream(1024);
        writer.write(b, new MetricSnapshots(run), scheme);
        run.clear();
        byte[] bytes = b.toByteArray();
        int len = bytes.length;
        if (openMetrics && len >= EOF.length
                && Arrays.equals(bytes, len - EOF.length, len, EOF, 0, EOF.length)) {
            len -= EOF.length;
        }
        out.write(bytes, 0, len);
    }

    // ---- bytes ----

    /** A reusable byte buffer in front of the target stream, with the text format's value and escape rules. */
    static final class ByteOut {
        private final OutputStream target;
        private byte[] buf = new byte[16 * 1024];
        private int pos;

        ByteOut(OutputStream target) {
            this.target = target;
        }

        void write(byte[] b, int off, int len) {
            if (len > buf.length / 2) {
                flushQuietly();
                try {
                    target.write(b, off, len);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return;
            }
            ensure(len);
            System.arraycopy(b, off, buf, pos, len);
            pos += len;
        }

        void byte1(char c) {
            ensure(1);
            buf[pos++] = (byte) c;
        }

        void ascii(String s) {
            ensure(s.length());
            for (int i = 0; i < s.length(); i++) {
                buf[pos++] = (byte) s.charAt(i);
            }
        }

        /** A label value with client_java's escapes (backslash, double quote, newline), as UTF-8. */
        void escaped(String s) {
            int n = s.length();
            ensure(n * 2);
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c >= 0x80) {
                    // Rare: finish the value through the JDK's encoder.
                    String rest = s.substring(i).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
                    byte[] bytes = rest.getBytes(StandardCharsets.UTF_8);
                    write(bytes, 0, bytes.length);
                    return;
                }
                if (c == '\\' || c == '"') {
                    buf[pos++] = '\\';
                    buf[pos++] = (byte) c;
                } else if (c == '\n') {
                    buf[pos++] = '\\';
                    buf[pos++] = 'n';
                } else {
                    buf[pos++] = (byte) c;
                }
            }
        }

        /** client_java's TextFormatUtil.writeDouble: +Inf, -Inf, else Double.toString. */
        void value(double v) {
            if (v == Double.POSITIVE_INFINITY) {
                ascii("+Inf");
            } else if (v == Double.NEGATIVE_INFINITY) {
                ascii("-Inf");
            } else if (v == (long) v && Math.abs(v) < 1e7 && Double.doubleToRawLongBits(v) != Long.MIN_VALUE) {
                // What Double.toString gives for whole numbers below 10^7 ("42.0"), without its cost.
                longValue((long) v);
                ascii(".0");
            } else {
                ascii(Double.toString(v));
            }
        }

        private void longValue(long v) {
            ensure(20);
            if (v < 0) {
                buf[pos++] = '-';
                v = -v;
            }
            int start = pos;
            do {
                buf[pos++] = (byte) ('0' + (v % 10));
                v /= 10;
            } while (v != 0);
            for (int i = start, j = pos - 1; i < j; i++, j--) {
                byte t = buf[i];
                buf[i] = buf[j];
                buf[j] = t;
            }
        }

        private void ensure(int more) {
            if (pos + more > buf.length) {
                flushQuietly();
                if (more > buf.length) {
                    buf = new byte[Math.max(more, buf.length * 2)];
                }
            }
        }

        private void flushQuietly() {
            try {
                flush();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        void flush() throws IOException {
            if (pos > 0) {
                target.write(buf, 0, pos);
                pos = 0;
            }
        }
    }
}
