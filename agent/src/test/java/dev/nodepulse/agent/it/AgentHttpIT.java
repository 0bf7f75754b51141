package dev.nodepulse.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The built jar as a process: the HTTP surface node_exporter users rely on. */
class AgentHttpIT {

    private static AgentProcess agent;

    @BeforeAll
    static void start() throws Exception {
        agent = AgentProcess.start(List.of());
    }

    @AfterAll
    static void stop() {
        if (agent != null) {
            agent.close();
        }
    }

    @Test
    void metricsInPrometheusTextWithMetaMetrics() throws Exception {
        AgentProcess.Response r = agent.get("/metrics");
        assertEquals(200, r.status());
        assertTrue(r.contentType().startsWith("text/plain; version=0.0.4"), r.contentType());
        long memTotalKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElseThrow();
        assertEquals(memTotalKb * 1024.0, Scrape.parse(r.body()).value("node_memory_MemTotal_bytes"));
        Scrape s = Scrape.parse(r.body());
        for (String c : List.of("cpu", "loadavg", "meminfo", "stat")) {
            assertEquals(1.0, s.value("node_scrape_collector_success", "collector", c), c);
            assertTrue(s.value("node_scrape_collector_duration_seconds", "collector", c) >= 0, c);
        }
        assertTrue(s.value("process_resident_memory_bytes") > 1e6);
        assertEquals(agent.pid() > 0, s.value("process_start_time_seconds") > 1.7e9);
    }

    @Test
    void collectAndExcludeSelectCollectors() throws Exception {
        Scrape only = Scrape.parse(agent.get("/metrics?collect[]=loadavg").body());
        assertTrue(only.has("node_load1"));
        assertFalse(only.has("node_memory_MemTotal_bytes"));
        assertEquals(List.of("loadavg"), only.labelValues("node_scrape_collector_success", "collector"));

        Scrape without = Scrape.parse(agent.get("/metrics?exclude%5B%5D=loadavg").body());
        assertFalse(without.has("node_load1"));
        assertTrue(without.has("node_memory_MemTotal_bytes"));

        assertEquals(400, agent.get("/metrics?collect[]=nosuch").status());
        assertEquals(400, agent.get("/metrics?collect[]=cpu&exclude[]=meminfo").status());
    }

    @Test
    void negotiatesOpenMetricsAndGzip() throws Exception {
        AgentProcess.Response om = agent.get("/metrics?collect[]=loadavg",
                Map.of("Accept", "application/openmetrics-text; version=1.0.0; charset=utf-8"));
        assertTrue(om.contentType().startsWith("application/openmetrics-text"), om.contentType());
        assertTrue(om.body().endsWith("# EOF\n"));

        HttpURLConnection c = (HttpURLConnection) URI.create(agent.baseUrl() + "/metrics?collect[]=loadavg").toURL()
                .openConnection(java.net.Proxy.NO_PROXY);
        c.setRequestProperty("Accept-Encoding", "gzip");
        assertEquals("gzip", c.getHeaderField("Content-Encoding"));
        byte[] raw = c.getInputStream().readAllBytes();
        String body = new String(new GZIPInputStream(new ByteArrayInputStream(raw)).readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(body.contains("node_load1 "), body);

        AgentProcess.Response pb = agent.get("/metrics?collect[]=loadavg",
                Map.of("Accept", "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited"));
        assertTrue(pb.contentType().startsWith("application/vnd.google.protobuf"), pb.contentType());
    }

    @Test
    void landingPageHealthAndUnknownPaths() throws Exception {
        AgentProcess.Response landing = agent.get("/");
        assertEquals(200, landing.status());
        assertTrue(landing.body().contains("href=\"/metrics\""));
        assertTrue(landing.body().contains("href=\"/healthz\""));
        assertEquals("ok\n", agent.get("/healthz").body());
        assertEquals(404, agent.get("/metricsfoo").status());
    }

    @Test
    void concurrentScrapesAllAnswer() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                futures.add(pool.submit(() -> agent.get("/metrics").status()));
            }
            for (Future<Integer> f : futures) {
                assertEquals(200, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
