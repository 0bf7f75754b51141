package dev.nodepulse.kubelet.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.http.Exposition;
import dev.nodepulse.kubelet.stats.Summary;
import dev.nodepulse.kubelet.stats.SummaryJson;
import dev.nodepulse.kubelet.stats.CpuAndMemorySummary;
import dev.nodepulse.testing.ExpositionLines;
import dev.nodepulse.testing.SharedSamples;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The kubelet's own collector test cases (shared samples metrics-resource.kubelet-collector-test.*) rebuilt from
 * the same inputs: the kubelet's test feeds 10 core-seconds, 1000 bytes of working set and a fixed timestamp.
 */
class ResourceMetricsFormatTest {

    /** The kubelet's test clock: 2021-06-22T21:11:18.302Z. */
    private static final Instant T = Instant.ofEpochMilli(1624396278302L);
    /** Windows-only families a Linux agent must not emit, present in the upstream expectations. */
    private static final Predicate<String> NOT_WINDOWS = n -> !n.endsWith("_memory_commit_bytes");

    @Test
    void nodeFamiliesMatchTheKubelet() {
        ResourceMetrics m = new ResourceMetrics(new NodeResources(new Measurement(10, T), new Measurement(1000, T),
                new Measurement(500, T)), List.of(), false);
        assertSameExposition("metrics-resource.kubelet-collector-test.node.txt", m);
    }

    @Test
    void containerFamiliesMatchTheKubelet() {
        // Start times as the kubelet's test sets them: now minus 30 s, 10 min and 2 min (now = T + 0.0000916 s).
        Instant now = T.plusNanos(91_600);
        ResourceMetrics m = new ResourceMetrics(NodeResources.UNKNOWN, List.of(
                new PodResources("namespace_a", "pod_a", null, null, null, List.of(
                        new ContainerResources("container_a", now.minusSeconds(30), new Measurement(10, T),
                                new Measurement(1000, T), new Measurement(1000, T), new Measurement(10000, T)),
                        new ContainerResources("container_b", now.minusSeconds(120), new Measurement(10, T),
                                new Measurement(1000, T), null, null))),
                new PodResources("namespace_b", "pod_b", null, null, null, List.of(
                        new ContainerResources("container_a", now.minusSeconds(600), new Measurement(10, T),
                                new Measurement(1000, T), null, null)))), false);
        assertSameExposition("metrics-resource.kubelet-collector-test.containers.txt", m);
    }

    @Test
    void podFamiliesMatchTheKubelet() {
        ResourceMetrics m = new ResourceMetrics(NodeResources.UNKNOWN, List.of(new PodResources("namespace_a", "pod_a",
                new Measurement(10, T), new Measurement(1000, T), new Measurement(5000, T), List.of())), false);
        assertSameExposition("metrics-resource.kubelet-collector-test.pods.txt", m);
    }

    @Test
    void failedSummaryCarriesOnlyTheErrorGauges() {
        assertSameExposition("metrics-resource.kubelet-collector-test.summary-error.txt", ResourceMetrics.failed());
    }

    @Test
    void familiesSortedTimestampsInMillisecondsAndDeprecatedGaugeOptional() {
        ResourceMetrics m = new ResourceMetrics(new NodeResources(new Measurement(357.35491, Instant.ofEpochMilli(1633253809720L)),
                null, null), List.of(), false);
        String text = Exposition.text(ResourceMetricsFormat.snapshots(m, false));
        assertTrue(text.contains("\nnode_cpu_usage_seconds_total 357.35491 1633253809720\n"), text);
        assertFalse(text.contains("scrape_error 0") && text.contains("\nscrape_error"), text);
        assertTrue(text.indexOf("# HELP node_cpu_usage_seconds_total") < text.indexOf("# HELP resource_scrape_error"));
        assertFalse(text.contains("node_memory_working_set_bytes"), "an unknown value has no series");
    }

    @Test
    void fromSummaryFollowsTheKubeletsCollector() throws Exception {
        Summary s = CpuAndMemorySummary.of(SummaryJson.read(SharedSamples.resource("stats/summary-all-fields.json")));
        ResourceMetrics m = ResourceMetrics.fromSummary(s);
        String text = Exposition.text(ResourceMetricsFormat.snapshots(m, true));
        List<String> lines = ExpositionLines.normalised(text, n -> !n.startsWith("#"));
        // Values and times below are the fixture's: node cpu 987654321987654 ns at 10:15:29, container "app" etc.
        long t29 = Instant.parse("2026-05-02T10:15:29Z").toEpochMilli();
        long t28 = Instant.parse("2026-05-02T10:15:28Z").toEpochMilli();
        assertTrue(lines.contains("node_cpu_usage_seconds_total 987654.32198765400 @" + t29), String.join("\n", lines));
        assertTrue(lines.contains("node_memory_working_set_bytes 3221225472.0000000 @" + t29));
        assertTrue(lines.contains("node_swap_usage_bytes 0.0000000000000000 @" + t29), "node swap at the memory time");
        String app = "{container=\"app\",namespace=\"shop\",pod=\"web-7d9f8b6c5-x2x9q\"}";
        assertTrue(lines.contains("container_cpu_usage_seconds_total" + app + " 1125.0000000000000 @" + t28));
        assertTrue(lines.contains("container_memory_working_set_bytes" + app + " 268435456.00000000 @" + t28));
        assertTrue(lines.contains("container_swap_usage_bytes" + app + " 4096.0000000000000 @" + t28));
        assertTrue(lines.contains("container_swap_limit_bytes" + app + " 4096.0000000000000 @" + t28), "available 0 + usage");
        assertTrue(lines.contains("container_start_time_seconds" + app + " "
                + String.format(java.util.Locale.ROOT, "%.17g", (double) Instant.parse("2026-05-02T09:00:03Z").getEpochSecond())));
        String pod = "{namespace=\"shop\",pod=\"web-7d9f8b6c5-x2x9q\"}";
        assertTrue(lines.contains("pod_cpu_usage_seconds_total" + pod + " 1129.6000000000000 @" + t28));
        assertTrue(lines.contains("pod_swap_usage_bytes" + pod + " 4096.0000000000000 @" + t28));
        // The sidecar has no swap stats, so no swap series; the pod "starting" has no containers and no usage.
        assertFalse(text.contains("container_swap_usage_bytes{container=\"sidecar\""));
        assertFalse(text.contains("pod=\"starting\""));
        assertTrue(lines.contains("resource_scrape_error 0.0000000000000000"));
        assertTrue(lines.contains("scrape_error 0.0000000000000000"));
    }

    @Test
    void unsignedCountersAboveTwoToThe63() {
        assertEquals(18446744073709551615.0, ResourceMetrics.unsigned(-1L));
        assertEquals(9223372036854775808.0, ResourceMetrics.unsigned(Long.MIN_VALUE));
        assertEquals(12345.0, ResourceMetrics.unsigned(12345L));
    }

    private static void assertSameExposition(String sample, ResourceMetrics m) {
        String expected = SharedSamples.read(sample);
        String actual = Exposition.text(ResourceMetricsFormat.snapshots(m, true));
        assertEquals(ExpositionLines.normalised(expected, NOT_WINDOWS), ExpositionLines.normalised(actual));
    }
}
