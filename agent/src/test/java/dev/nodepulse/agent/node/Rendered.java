package dev.nodepulse.agent.node;

import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.metrics.SnapshotMerger;
import dev.nodepulse.metrics.text.MetricFamily;
import dev.nodepulse.metrics.text.Sample;
import dev.nodepulse.metrics.text.TextFormatParser;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A collector's output as a scraper sees it: rendered in the Prometheus text format the agent serves
 * (client_java's writer, as for {@code Accept: text/plain}), then read back with the text format parser.
 */
final class Rendered {

    final String text;
    final List<MetricFamily> families;

    private Rendered(String text, List<MetricFamily> families) {
        this.text = text;
        this.families = families;
    }

    static Rendered of(MetricSink sink) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, new SnapshotMerger().add(sink.build()).build(),
                EscapingScheme.ALLOW_UTF8);
        String text = out.toString(StandardCharsets.UTF_8);
        return new Rendered(text, TextFormatParser.legacy().parse(text));
    }

    Optional<MetricFamily> family(String name) {
        return families.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    MetricFamily get(String name) {
        return family(name).orElseThrow(() -> new AssertionError("no family " + name + " in:\n" + text));
    }

    /** The value of the one sample with exactly these labels. */
    double value(String name, Map<String, String> labels) {
        return sample(name, labels).value();
    }

    Sample sample(String name, Map<String, String> labels) {
        for (MetricFamily f : families) {
            for (Sample s : f.samples()) {
                if (s.name().equals(name) && s.labels().toMap().equals(labels)) {
                    return s;
                }
            }
        }
        throw new AssertionError("no sample " + name + labels + " in:\n" + text);
    }

    double value(String name) {
        return value(name, Map.of());
    }
}
