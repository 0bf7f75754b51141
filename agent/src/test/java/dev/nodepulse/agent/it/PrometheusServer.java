package dev.nodepulse.agent.it;

import dev.nodepulse.json.JsonException;
import dev.nodepulse.json.JsonObject;
import dev.nodepulse.json.JsonReader;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Debian's Prometheus server run by a test: a temporary config and TSDB directory, listening on 127.0.0.1,
 * scraping the given targets. {@link #close()} ends the process by its PID and removes the directory.
 */
public final class PrometheusServer implements AutoCloseable {

    public static final Path BINARY = Path.of(System.getProperty("nodepulse.prometheus", "/usr/bin/prometheus"));

    /** One element of an instant vector. */
    public record Sample(Map<String, String> metric, double value) {}

    private final Path dir;
    private final ExternalServer server;

    private PrometheusServer(Path dir, ExternalServer server) {
        this.dir = dir;
        this.server = server;
    }

    /** Starts Prometheus scraping {@code targets} (host:port) as job {@code job} every {@code interval}. */
    public static PrometheusServer start(String job, List<String> targets, Duration interval) throws Exception {
        Path dir = Files.createTempDirectory("nodepulse-it-prometheus");
        try {
            String seconds = interval.toMillis() + "ms";
            Files.writeString(dir.resolve("prometheus.yml"), """
                    global:
                      scrape_interval: %s
                      scrape_timeout: %s
                    scrape_configs:
                      - job_name: %s
                        static_configs:
                          - targets: [%s]
                    """.formatted(seconds, seconds, job,
                    String.join(", ", targets.stream().map(t -> "'" + t + "'").toList())));
            int port = AgentProcess.freePort();
            List<String> cmd = List.of(BINARY.toString(),
                    "--config.file=" + dir.resolve("prometheus.yml"),
                    "--storage.tsdb.path=" + dir.resolve("data"),
                    "--storage.tsdb.retention.time=1h",
                    "--web.listen-address=127.0.0.1:" + port);
            return new PrometheusServer(dir, ExternalServer.start("prometheus", cmd, port, "/-/ready",
                    Duration.ofSeconds(60)));
        } catch (Exception | Error e) {
            deleteTree(dir);
            throw e;
        }
    }

    public long pid() {
        return server.pid();
    }

    /** Evaluates an instant query at {@code atEpochSeconds} (NaN: now) and returns the vector. */
    public List<Sample> query(String promql, double atEpochSeconds) throws IOException {
        String q = "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)
                + (Double.isNaN(atEpochSeconds) ? "" : "&time=" + String.format("%.3f", atEpochSeconds));
        AgentProcess.Response r = server.get(q);
        if (r.status() != 200) {
            throw new IOException(promql + ": HTTP " + r.status() + " " + r.body());
        }
        try {
            JsonObject data = JsonReader.parseObject(r.body()).object("data");
            if (data == null || !"vector".equals(data.string("resultType"))) {
                throw new IOException(promql + ": not a vector: " + r.body());
            }
            List<Sample> out = new ArrayList<>();
            for (JsonObject e : data.objects("result")) {
                List<?> value = (List<?>) e.get("value");
                out.add(new Sample(new TreeMap<>(e.stringMap("metric")), Scrape.parseValue((String) value.get(1))));
            }
            return out;
        } catch (JsonException e) {
            throw new IOException(promql + ": " + e.getMessage() + ": " + r.body(), e);
        }
    }

    public List<Sample> query(String promql) throws IOException {
        return query(promql, Double.NaN);
    }

    public String output() {
        return server.output();
    }

    @Override
    public void close() {
        server.close();
        deleteTree(dir);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }
}
