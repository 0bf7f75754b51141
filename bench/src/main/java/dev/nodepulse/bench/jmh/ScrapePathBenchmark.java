package dev.nodepulse.bench.jmh;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.metrics.MetricFamilies;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.metrics.TextExposition;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One /metrics scrape of this host, stage by stage: collecting (reads, parsing, snapshot building, with and
 * without the runner's threads), encoding each exposition format, gzip, and all of it together.
 * Forks run with the agent's recommended JVM flags; override with -jvmArgs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xmx64m", "-XX:TieredStopAtLevel=1"})
public class ScrapePathBenchmark {

    private static final ExpositionFormats FORMATS = ExpositionFormats.init();
    private static final ExpositionFormatWriter TEXT = FORMATS.getPrometheusTextFormatWriter();
    private static final ExpositionFormatWriter OPEN_METRICS = FORMATS.getOpenMetricsTextFormatWriter();
    private static final ExpositionFormatWriter PROTOBUF = FORMATS.getPrometheusProtobufWriter();
    /** What the agent derives from Prometheus 2.x's Accept header. */
    static final EscapingScheme ESCAPING = EscapingScheme.fromAcceptHeader("application/openmetrics-text;version=1.0.0,"
            + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1");

    /** Collectors through the runner (worker threads, single flight, deadlines) plus meta-metrics. */
    @Benchmark
    public MetricFamilies collectThroughRunner(LiveNodeState s) {
        return s.node.scrape(s.names, LiveNodeState.TIMEOUT);
    }

    /** The same collectors called directly on this thread, without meta-metrics: the runner's share is the difference. */
    @Benchmark
    public void collectInline(LiveNodeState s, Blackhole bh) throws Exception {
        for (Collector c : s.collectors.values()) {
            MetricSink sink = new MetricSink();
            try {
                c.update(sink);
            } catch (Exception noDataOrFailure) {
                // the runner reports these as success 0; the work done until then still counts
            }
            bh.consume(sink);
        }
    }

    /** The agent's writer (TextExposition) from the collectors' families. */
    @Benchmark
    public int encodePrometheusText(LiveNodeState s) throws IOException {
        return encode(TEXT, s.families, false);
    }

    @Benchmark
    public int encodeOpenMetrics(LiveNodeState s) throws IOException {
        return encode(OPEN_METRICS, s.families, false);
    }

    @Benchmark
    public int encodeOpenMetricsGzip(LiveNodeState s) throws IOException {
        return encode(OPEN_METRICS, s.families, true);
    }

    @Benchmark
    public int encodeProtobuf(LiveNodeState s) throws IOException {
        return encode(PROTOBUF, s.families, false);
    }

    /** For comparison: client_java's writer, including building its snapshots from the families. */
    @Benchmark
    public int encodeOpenMetricsClientJava(LiveNodeState s) throws IOException {
        return encode(OPEN_METRICS, s.families.toSnapshots(), false);
    }

    /** What a Prometheus scrape costs apart from HTTP: collect, OpenMetrics, gzip. */
    @Benchmark
    public int wholeScrapeOpenMetricsGzip(LiveNodeState s) throws IOException {
        return encode(OPEN_METRICS, s.node.scrape(s.names, LiveNodeState.TIMEOUT), true);
    }

    static int encode(ExpositionFormatWriter writer, MetricFamilies families, boolean gzip) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(64 * 1024);
        OutputStream out = gzip ? new FastGzip(buf) : buf;
        TextExposition.write(out, families, writer, ESCAPING);
        out.close();
        return buf.size();
    }

    static int encode(ExpositionFormatWriter writer, MetricSnapshots snapshots, boolean gzip) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(64 * 1024);
        OutputStream out = gzip ? new FastGzip(buf) : buf;
        writer.write(out, snapshots, ESCAPING);
        out.close();
        return buf.size();
    }

    /** gzip as the agent's Exposition configures it. */
    static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 8192);
            def.setLevel(java.util.zip.Deflater.BEST_SPEED);
        }
    }
}
