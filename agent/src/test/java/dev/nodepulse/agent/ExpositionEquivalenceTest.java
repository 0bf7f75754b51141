package dev.nodepulse.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.agent.collector.CollectorCatalog;
import dev.nodepulse.agent.collector.CollectorRunner;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.agent.collector.EnabledCollectors;
import dev.nodepulse.agent.self.HandlerMetrics;
import dev.nodepulse.agent.self.ProcessMetrics;
import dev.nodepulse.cli.FlagValues;
import dev.nodepulse.metrics.MetricFamilies;
import dev.nodepulse.metrics.TextExposition;
import dev.nodepulse.procfs.HostPaths;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every collector of the catalog, on the repository's fixture tree and on this host: the agent's streaming
 * writer must give the bytes client_java's writers give for the same families.
 */
class ExpositionEquivalenceTest {

    private static final ExpositionFormats FORMATS = ExpositionFormats.init();

    private static void assertSameAsClientJava(HostPaths paths) throws Exception {
        List<String> args = new ArrayList<>();
        for (CollectorSpec spec : CollectorCatalog.all()) {
            args.add("--collector." + spec.name());
        }
        FlagValues flags = AgentFlags.define().parse(args.toArray(new String[0]));
        try (CollectorRunner runner = new CollectorRunner(EnabledCollectors.create(flags, paths, CollectorCatalog.all()), 2)) {
            NodeMetrics node = new NodeMetrics(runner, new ProcessMetrics(), new HandlerMetrics());
            MetricFamilies families = node.scrape(runner.names(), Duration.ofSeconds(20));
            for (ExpositionFormatWriter w : List.of(FORMATS.getPrometheusTextFormatWriter(),
                    FORMATS.getOpenMetricsTextFormatWriter())) {
                ByteArrayOutputStream expected = new ByteArrayOutputStream();
                w.write(expected, families.toSnapshots(), EscapingScheme.DEFAULT);
                ByteArrayOutputStream actual = new ByteArrayOutputStream();
                TextExposition.write(actual, families, w, EscapingScheme.DEFAULT);
                String text = expected.toString(StandardCharsets.UTF_8);
                assertTrue(text.lines().count() > 200, "too little output to compare:\n" + text);
                assertEquals(text, actual.toString(StandardCharsets.UTF_8), w.getClass().getSimpleName());
            }
        }
    }

    @Test
    void fixtureTree() throws Exception {
        Path r = Path.of(ExpositionEquivalenceTest.class.getResource("/node-fixtures").toURI());
        assertSameAsClientJava(new HostPaths(r.resolve("proc"), r.resolve("sys"), r, r.resolve("udev/data")));
    }

    @Test
    void thisHost() throws Exception {
        assertSameAsClientJava(new HostPaths(Path.of("/proc"), Path.of("/sys"), Path.of("/"), Path.of("/run/udev/data")));
    }
}
