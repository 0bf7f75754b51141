package dev.nodepulse.kubelet.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.http.Exposition;
import dev.nodepulse.kubelet.stats.CpuAndMemorySummary;
import dev.nodepulse.kubelet.stats.SummaryJson;
import dev.nodepulse.metrics.text.TextParseException;
import dev.nodepulse.testing.SharedSamples;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceMetricsReaderTest {

    private static final Instant SCRAPE = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void readsTheCorednsSampleAsMetricsServerDoes() throws Exception {
        ResourceMetrics m = ResourceMetricsReader.read(SharedSamples.read("metrics-resource.kind-coredns-alpha-era.txt"), SCRAPE);
        assertEquals(new Measurement(357.35491, Instant.ofEpochMilli(1633253809720L)), m.node().cpuSeconds());
        assertEquals(new Measurement(1.616273408e9, Instant.ofEpochMilli(1633253809720L)), m.node().workingSetBytes());
        assertNull(m.node().swapUsageBytes());
        assertEquals(1, m.pods().size());
        PodResources pod = m.pods().get(0);
        assertEquals("kube-system", pod.namespace());
        assertEquals("coredns-558bd4d5db-4dpjz", pod.name());
        assertEquals(new Measurement(4.67812, Instant.ofEpochMilli(1633253803935L)), pod.cpuSeconds());
        assertEquals(new Measurement(1.2627968e7, Instant.ofEpochMilli(1633253803935L)), pod.workingSetBytes());
        ContainerResources c = pod.containers().get(0);
        assertEquals("coredns", c.name());
        assertEquals(Instant.ofEpochSecond(1633252712L), c.startTime());
        assertEquals(new Measurement(4.710169, Instant.ofEpochMilli(1633253812125L)), c.cpuSeconds());
        assertEquals(new Measurement(1.253376e7, Instant.ofEpochMilli(1633253812125L)), c.workingSetBytes());
        assertEquals(false, m.scrapeError());
    }

    @Test
    void readsTheKubeletsContainerCaseIncludingSwap() throws Exception {
        ResourceMetrics m = ResourceMetricsReader.read(
                SharedSamples.read("metrics-resource.kubelet-collector-test.containers.txt"), SCRAPE);
        assertEquals(2, m.pods().size());
        PodResources a = m.pods().stream().filter(p -> p.name().equals("pod_a")).findFirst().orElseThrow();
        assertEquals(2, a.containers().size());
        ContainerResources ca = a.containers().stream().filter(c -> c.name().equals("container_a")).findFirst().orElseThrow();
        assertEquals(10000.0, ca.swapLimitBytes().value());
        assertEquals(1000.0, ca.swapUsageBytes().value());
        assertEquals(Instant.ofEpochMilli(1624396278302L), ca.cpuSeconds().time());
        assertEquals(1.6243962483020916e9, ResourceMetricsFormat.seconds(ca.startTime()), 1e-6);
        assertTrue(ResourceMetricsReader.read(SharedSamples.read("metrics-resource.kubelet-collector-test.summary-error.txt"),
                SCRAPE).scrapeError());
    }

    @Test
    void whatTheAgentWritesItReadsBack() throws Exception {
        ResourceMetrics written = ResourceMetrics.fromSummary(CpuAndMemorySummary.of(
                SummaryJson.read(SharedSamples.resource("stats/summary-all-fields.json"))));
        ResourceMetrics read = ResourceMetricsReader.read(Exposition.text(ResourceMetricsFormat.snapshots(written, true)), SCRAPE);
        assertEquals(written.node(), read.node());
        // Pods without any series (no usage, no containers) do not appear in the exposition, so not in what is read.
        List<PodResources> expected = written.pods().stream()
                .filter(p -> p.cpuSeconds() != null || p.workingSetBytes() != null || !p.containers().isEmpty()).toList();
        assertEquals(expected.size(), read.pods().size());
        for (PodResources p : expected) {
            PodResources r = read.pods().stream().filter(x -> x.name().equals(p.name())).findFirst().orElseThrow();
            assertEquals(p.cpuSeconds(), r.cpuSeconds());
            assertEquals(p.workingSetBytes(), r.workingSetBytes());
            assertEquals(p.swapUsageBytes(), r.swapUsageBytes());
            assertEquals(p.containers().size(), r.containers().size());
            for (ContainerResources c : p.containers()) {
                ContainerResources rc = r.containers().stream().filter(x -> x.name().equals(c.name())).findFirst().orElseThrow();
                assertEquals(c, rc);
            }
        }
    }

    @Test
    void seriesMissingTheirLabelsAndForeignFamiliesAreIgnoredSamplesWithoutTimeTakeTheScrapeTime() throws Exception {
        ResourceMetrics m = ResourceMetricsReader.read("""
                container_cpu_usage_seconds_total{container="c",pod="p"} 1 1000
                container_memory_working_set_bytes{container="c",namespace="n",pod="p"} 5
                node_load1 3
                """, SCRAPE);
        assertEquals(1, m.pods().size());
        assertNull(m.pods().get(0).containers().get(0).cpuSeconds());
        assertEquals(new Measurement(5, SCRAPE), m.pods().get(0).containers().get(0).workingSetBytes());
        assertThrows(TextParseException.class, () -> ResourceMetricsReader.read("node_cpu_usage_seconds_total{ 1\n", SCRAPE));
    }
}
