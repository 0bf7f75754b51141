package dev.nodepulse.bench.jmh;

import dev.nodepulse.metrics.Family;
import dev.nodepulse.metrics.MetricFamilies;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.metrics.MetricType;
import dev.nodepulse.metrics.SnapshotMerger;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A full node_exporter scrape (upstream's e2e-output.txt from the team's conformance kit: ~1,200 families, ~3,000
 * samples) rebuilt through the agent's MetricSink/SnapshotMerger and encoded: the exposition cost the agent will
 * pay once every collector is merged, whatever this host offers today.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xmx64m", "-XX:TieredStopAtLevel=1"})
@State(Scope.Benchmark)
public class FullNodeExpositionBenchmark {

    private static final ExpositionFormats FORMATS = ExpositionFormats.init();

    /** One family of the fixture as plain values, as a collector would hold them before adding. */
    record RawFamily(String name, String help, MetricType type, String[] labelNames, List<String[]> labelValues,
            double[] values) {}

    private List<RawFamily> raw;
    private MetricFamilies families;
    private MetricSnapshots snapshots;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        raw = parse(Files.readString(fixture()));
        families = families();
        snapshots = build();
        System.out.println("\n[full node] " + snapshots.size() + " families, "
                + snapshots.stream().mapToInt(s -> s.getDataPoints().size()).sum() + " samples");
    }

    /** Filling MetricSink families and grouping them: what the agent does before writing. */
    @Benchmark
    public MetricFamilies buildFamilies() {
        return families();
    }

    /** The previous pipeline: the same families as client_java snapshots, merged. */
    @Benchmark
    public MetricSnapshots buildSnapshots() {
        return build();
    }

    @Benchmark
    public int encodePrometheusText() throws IOException {
        return ScrapePathBenchmark.encode(FORMATS.getPrometheusTextFormatWriter(), families, false);
    }

    @Benchmark
    public int encodeOpenMetrics() throws IOException {
        return ScrapePathBenchmark.encode(FORMATS.getOpenMetricsTextFormatWriter(), families, false);
    }

    @Benchmark
    public int encodeOpenMetricsGzip() throws IOException {
        return ScrapePathBenchmark.encode(FORMATS.getOpenMetricsTextFormatWriter(), families, true);
    }

    /** The previous pipeline's encoding: client_java's writer over the snapshots. */
    @Benchmark
    public int encodeOpenMetricsClientJava() throws IOException {
        return ScrapePathBenchmark.encode(FORMATS.getOpenMetricsTextFormatWriter(), snapshots, false);
    }

    private MetricFamilies families() {
        MetricSink sink = new MetricSink();
        for (RawFamily f : raw) {
            Family fam = sink.family(f.name(), f.help(), f.type(), f.labelNames());
            for (int i = 0; i < f.values().length; i++) {
                fam.add(f.values()[i], f.labelValues().get(i));
            }
        }
        return MetricFamilies.builder().add(sink).build();
    }

    private MetricSnapshots build() {
        MetricSink sink = new MetricSink();
        for (RawFamily f : raw) {
            Family fam = sink.family(f.name(), f.help(), f.type(), f.labelNames());
            for (int i = 0; i < f.values().length; i++) {
                fam.add(f.values()[i], f.labelValues().get(i));
            }
        }
        return new SnapshotMerger().add(sink.build()).build();
    }

    static Path fixture() {
        String configured = System.getProperty("nodepulse.e2e");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("shared/conformance/node-exporter/fixtures/e2e-output.txt");
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalStateException("e2e-output.txt not found: run from the project or pass -jvmArgs -Dnodepulse.e2e=FILE");
    }

    /** Gauges, counters and untyped families of a text exposition; families whose samples vary in label names are skipped. */
    static List<RawFamily> parse(String text) {
        Map<String, String> help = new LinkedHashMap<>();
        Map<String, MetricType> types = new LinkedHashMap<>();
        Map<String, List<String[]>> names = new LinkedHashMap<>();
        Map<String, List<String[]>> values = new LinkedHashMap<>();
        Map<String, List<Double>> numbers = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("# HELP ")) {
                int sp = line.indexOf(' ', 7);
                help.put(line.substring(7, sp), line.substring(sp + 1));
            } else if (line.startsWith("# TYPE ")) {
                String[] f = line.split(" ");
                MetricType t = switch (f[3]) {
                    case "gauge" -> MetricType.GAUGE;
                    case "counter" -> MetricType.COUNTER;
                    case "untyped" -> MetricType.UNTYPED;
                    default -> null;
                };
                if (t != null) {
                    types.put(f[2], t);
                }
            } else if (!line.isEmpty() && line.charAt(0) != '#') {
                int brace = line.indexOf('{');
                int space = line.lastIndexOf(' ');
                String name = brace > 0 ? line.substring(0, brace) : line.substring(0, space);
                if (!types.containsKey(name)) {
                    continue;
                }
                List<String> ln = new ArrayList<>();
                List<String> lv = new ArrayList<>();
                if (brace > 0) {
                    int i = brace + 1;
                    while (line.charAt(i) != '}') {
                        int eq = line.indexOf('=', i);
                        ln.add(line.substring(i, eq));
                        StringBuilder v = new StringBuilder();
                        int j = eq + 2;
                        for (; line.charAt(j) != '"'; j++) {
                            char c = line.charAt(j);
                            if (c == '\\') {
                                c = line.charAt(++j) == 'n' ? '\n' : line.charAt(j);
                            }
                            v.append(c);
                        }
                        lv.add(v.toString());
                        i = j + 1;
                        if (line.charAt(i) == ',') {
                            i++;
                        }
                    }
                }
                names.computeIfAbsent(name, k -> new ArrayList<>()).add(ln.toArray(new String[0]));
                values.computeIfAbsent(name, k -> new ArrayList<>()).add(lv.toArray(new String[0]));
                String v = line.substring(space + 1);
                numbers.computeIfAbsent(name, k -> new ArrayList<>()).add(switch (v) {
                    case "NaN" -> Double.NaN;
                    case "+Inf" -> Double.POSITIVE_INFINITY;
                    case "-Inf" -> Double.NEGATIVE_INFINITY;
                    default -> Double.parseDouble(v);
                });
            }
        }
        List<RawFamily> out = new ArrayList<>();
        for (String name : names.keySet()) {
            List<String[]> ln = names.get(name);
            if (ln.stream().anyMatch(a -> !java.util.Arrays.equals(a, ln.get(0)))) {
                continue;
            }
            out.add(new RawFamily(name, help.getOrDefault(name, ""), types.get(name), ln.get(0), values.get(name),
                    numbers.get(name).stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return out;
    }
}
