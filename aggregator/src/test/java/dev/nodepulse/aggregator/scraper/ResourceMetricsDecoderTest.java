package dev.nodepulse.aggregator.scraper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.aggregator.storage.MetricsPoint;
import dev.nodepulse.aggregator.storage.NodeBatch;
import dev.nodepulse.aggregator.storage.PodRef;
import dev.nodepulse.metrics.text.TextParseException;
import dev.nodepulse.testing.SharedSamples;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The decoder on the kubelet's real /metrics/resource payloads, with metrics-server's decode rules. */
class ResourceMetricsDecoderTest {

    private static NodeBatch decode(String text, long requestMillis) throws TextParseException {
        return ResourceMetricsDecoder.decode(text.getBytes(StandardCharsets.UTF_8), requestMillis * 1_000_000L, "n");
    }

    @Test
    void corednsSample() throws Exception {
        NodeBatch b = decode(SharedSamples.read("metrics-resource.kind-coredns-alpha-era.txt"), 1);
        // node: 357.35491 core-s at 1633253809720 ms; working set 1.616273408e+09
        assertEquals(new MetricsPoint(0, 1633253809720L * 1_000_000L, 357_354_910_000L, 1_616_273_408L), b.node());
        MetricsPoint c = b.pods().get(new PodRef("kube-system", "coredns-558bd4d5db-4dpjz")).get("coredns");
        assertEquals(4_710_169_000L, c.cumulativeCpuNanos());
        assertEquals(12_533_760L, c.memoryBytes());
        assertEquals(1633253812125L * 1_000_000L, c.timestampNanos());
        assertEquals(1_633_252_712_000_000_000L, c.startTimeNanos());
    }

    @Test
    void containersSample() throws Exception {
        NodeBatch b = decode(SharedSamples.read("metrics-resource.kubelet-collector-test.containers.txt"), 1);
        assertNull(b.node(), "no node families: the node point is incomplete");
        assertEquals(2, b.pods().size());
        assertEquals(2, b.pods().get(new PodRef("namespace_a", "pod_a")).size());
        MetricsPoint a = b.pods().get(new PodRef("namespace_b", "pod_b")).get("container_a");
        assertEquals(10_000_000_000L, a.cumulativeCpuNanos());
        assertEquals(1000, a.memoryBytes());
    }

    @Test
    void summaryErrorBodyHasNothing() throws Exception {
        NodeBatch b = decode(SharedSamples.read("metrics-resource.kubelet-collector-test.summary-error.txt"), 1);
        assertNull(b.node());
        assertTrue(b.pods().isEmpty());
    }

    @Test
    void zeroValuesDropNodeAndWholePod() throws Exception {
        String text = """
                # TYPE container_cpu_usage_seconds_total counter
                container_cpu_usage_seconds_total{container="a",namespace="ns",pod="p"} 0 1000
                container_cpu_usage_seconds_total{container="b",namespace="ns",pod="p"} 2 1000
                container_cpu_usage_seconds_total{container="c",namespace="ns",pod="q"} 2 1000
                # TYPE container_memory_working_set_bytes gauge
                container_memory_working_set_bytes{container="a",namespace="ns",pod="p"} 10 1000
                container_memory_working_set_bytes{container="b",namespace="ns",pod="p"} 10 1000
                container_memory_working_set_bytes{container="c",namespace="ns",pod="q"} 10 1000
                # TYPE node_cpu_usage_seconds_total counter
                node_cpu_usage_seconds_total 0 1000
                # TYPE node_memory_working_set_bytes gauge
                node_memory_working_set_bytes 5 1000
                """;
        NodeBatch b = decode(text, 1);
        assertNull(b.node());
        assertEquals(1, b.pods().size(), "pod p has a zero-CPU container and is dropped whole");
        assertTrue(b.pods().containsKey(new PodRef("ns", "q")));
    }

    @Test
    void missingTimestampsUseTheRequestTimeAndMemoryTimeWins() throws Exception {
        String text = """
                # TYPE node_cpu_usage_seconds_total counter
                node_cpu_usage_seconds_total 1 1000
                # TYPE node_memory_working_set_bytes gauge
                node_memory_working_set_bytes 5
                """;
        assertEquals(7777L * 1_000_000L, decode(text, 7777).node().timestampNanos());
    }

    @Test
    void malformedBodyFailsTheNode() {
        assertThrows(TextParseException.class, () -> decode("node_cpu_usage_seconds_total{ 1\n", 1));
    }
}
