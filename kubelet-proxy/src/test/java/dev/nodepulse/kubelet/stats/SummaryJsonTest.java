package dev.nodepulse.kubelet.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.json.JsonException;
import dev.nodepulse.json.JsonObject;
import dev.nodepulse.json.JsonReader;
import dev.nodepulse.testing.JsonTrees;
import dev.nodepulse.testing.SharedSamples;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryJsonTest {

    private static final String KIND_SAMPLE = "stats-summary.kind-v1.17-node-plus-edge-case-pods.json";

    @Test
    void handWrittenKubeletDocumentRoundTripsByteForByte() throws Exception {
        String doc = SharedSamples.resource("stats/summary-all-fields.json");
        assertEquals(doc, SummaryJson.write(SummaryJson.read(doc)));
        assertEquals(List.of(), SummarySchema.violations(JsonReader.parseObject(doc)), "the fixture itself is schema-valid");
    }

    @Test
    void handWrittenDocumentDecodesToTheFixturesValues() throws Exception {
        Summary s = SummaryJson.read(SharedSamples.resource("stats/summary-all-fields.json"));
        NodeStats n = s.node();
        assertEquals("worker-1", n.nodeName());
        assertEquals(Instant.parse("2026-05-01T07:59:48Z"), n.startTime());
        assertEquals(1234567890L, n.cpu().usageNanoCores());
        assertEquals(987654321987654L, n.cpu().usageCoreNanoSeconds());
        assertEquals(new PsiData(4242, 0.42, 0.17, 0.04), n.cpu().psi().some());
        assertEquals("18446744073709551615", Long.toUnsignedString(n.systemContainers().get(1).memory().availableBytes()));
        assertNull(n.systemContainers().get(1).memory().usageBytes(), "absent pointer field stays unknown");
        assertEquals(0L, n.systemContainers().get(1).memory().workingSetBytes(), "present zero stays zero");
        assertEquals(12.25, n.systemContainers().get(1).io().psi().some().avg10());
        assertEquals("eth0", n.network().defaultInterface().name());
        assertEquals(222L, n.network().defaultInterface().txBytes());
        assertNull(n.network().interfaces().get(1).rxErrors());
        assertEquals(4194304L, n.rlimit().maxPid());
        assertEquals(812L, n.rlimit().curProc());
        assertEquals(1000L, n.runtime().containerFs().usedBytes());
        assertEquals(1073741824L, n.swap().swapAvailableBytes());
        assertEquals(Instant.parse("2026-05-02T10:15:29Z"), n.fs().time());

        PodStats web = s.pods().get(0);
        assertEquals(new PodReference("web-7d9f8b6c5-x2x9q", "shop", "0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"), web.podRef());
        assertEquals(2, web.containers().size());
        ContainerStats app = web.containers().get(0);
        assertEquals(1125000000000L, app.cpu().usageCoreNanoSeconds());
        assertEquals(new AcceleratorStats("nvidia", "tesla-t4", "GPU-1", 16106127360L, 1073741824L, 37), app.accelerators().get(0));
        assertEquals(Map.of("a<b", "x&y", "route", "/api"), app.userDefinedMetrics().get(0).labels());
        assertEquals(1.5e-7, app.userDefinedMetrics().get(0).value());
        assertEquals(0L, app.swap().swapAvailableBytes());
        assertEquals("", web.network().defaultInterface().name());
        assertEquals(new PvcReference("data-web-0", "shop"), web.volume().get(0).pvcRef());
        assertEquals("data", web.volume().get(0).name());
        assertEquals("", web.volume().get(1).name());
        assertEquals(4096L, web.volume().get(1).fs().usedBytes());
        assertEquals(57344L, web.ephemeralStorage().usedBytes());
        assertEquals(7L, web.processStats().processCount());

        PodStats starting = s.pods().get(1);
        assertNull(starting.startTime());
        assertNull(starting.containers());
        assertEquals(List.of(), s.pods().get(2).containers());
        assertNull(s.pods().get(2).processStats().processCount());
    }

    @Test
    void kindSummaryFromMetricsServerRoundTrips() throws Exception {
        String sample = SharedSamples.read(KIND_SAMPLE);
        Summary s = SummaryJson.read(sample);
        String written = SummaryJson.write(s);

        // The six synthetic edge-case pods in the sample have no "uid"; the kubelet's PodReference always writes it,
        // so the faithful re-encoding carries "uid": "" there and is otherwise the same document, key for key.
        JsonObject expected = JsonReader.parseObject(sample);
        String expectedText = JsonTrees.canonical(expected)
                .replaceAll("(\"namespace\": \"default\"\n)(\\s+)}", "$1$2  \"uid\": \"\"\n$2}");
        assertEquals(expectedText, JsonTrees.canonical(JsonReader.parseObject(written)));
        assertEquals(List.of(), SummarySchema.violations(JsonReader.parseObject(written)));

        // Spot values straight from the sample text.
        assertEquals("e2e-v1.17.0-control-plane", s.node().nodeName());
        assertEquals(519978197128L, s.node().cpu().usageCoreNanoSeconds());
        assertEquals(Instant.parse("2020-04-16T20:25:28Z"), s.node().cpu().time());
        assertEquals(32768L, s.node().rlimit().maxPid());
        assertEquals(7, s.pods().size());
        assertNull(s.pods().get(2).containers().get(0).cpu().usageCoreNanoSeconds(), "\"no usageCoreNanoSeconds\" pod");
        assertEquals(0L, s.pods().get(1).containers().get(0).cpu().usageCoreNanoSeconds(), "\"zero usageCoreNanoSeconds\" pod");
        assertNull(s.pods().get(6).containers().get(0).memory(), "\"no memory\" pod");
    }

    @Test
    void compactAndPrettyCarryTheSameDocument() throws Exception {
        Summary s = SummaryJson.read(SharedSamples.resource("stats/summary-all-fields.json"));
        String compact = SummaryJson.write(s, false);
        assertTrue(!compact.contains("\n") && !compact.contains(": "));
        assertEquals(JsonTrees.canonical(JsonReader.parse(SummaryJson.write(s))), JsonTrees.canonical(JsonReader.parse(compact)));
    }

    @Test
    void omissionRules() {
        Instant t = Instant.parse("2026-01-02T03:04:05.678Z");
        Summary s = new Summary(new NodeStats("n", List.of(), t, new CpuStats(t, null, 0L, null), null, null,
                new NetworkStats(t, null, List.of()), null, null, null, null), List.of());
        assertEquals("{\"node\":{\"nodeName\":\"n\",\"startTime\":\"2026-01-02T03:04:05Z\",\"cpu\":{\"time\":"
                + "\"2026-01-02T03:04:05Z\",\"usageCoreNanoSeconds\":0},\"network\":{\"time\":\"2026-01-02T03:04:05Z\","
                + "\"name\":\"\"}},\"pods\":[]}", SummaryJson.write(s, false));
        Summary nulls = new Summary(new NodeStats(null, null, null, null, null, null, null, null, null, null, null), null);
        assertEquals("{\"node\":{\"nodeName\":\"\",\"startTime\":null},\"pods\":null}", SummaryJson.write(nulls, false));
    }

    @Test
    void malformedDocumentsAreRejectedWithTheirPath() {
        JsonException e = assertThrows(JsonException.class,
                () -> SummaryJson.read("{\"node\":{\"nodeName\":\"n\",\"cpu\":{\"time\":\"x\"}},\"pods\":[]}"));
        assertTrue(e.getMessage().startsWith("$.node.cpu.time"), e.getMessage());
        assertThrows(JsonException.class, () -> SummaryJson.read("{\"node\":{},\"pods\":[{\"containers\":[{\"cpu\":"
                + "{\"usageNanoCores\":1.5}}]}]}"));
        assertThrows(JsonException.class, () -> SummaryJson.read("{\"node\":{},\"pods\":{}}"));
        assertThrows(JsonException.class, () -> SummaryJson.read("not json"));
    }

    @Test
    void onlyCpuAndMemoryKeepsWhatTheKubeletKeeps() throws Exception {
        Summary full = SummaryJson.read(SharedSamples.resource("stats/summary-all-fields.json"));
        Summary reduced = CpuAndMemorySummary.of(full);
        JsonObject doc = JsonReader.parseObject(SummaryJson.write(reduced));
        assertEquals(List.of(), SummarySchema.violations(doc));
        assertEquals(List.of("nodeName", "systemContainers", "startTime", "cpu", "memory", "swap"),
                List.copyOf(doc.object("node").fields().keySet()));
        assertEquals(List.of("name", "startTime", "cpu", "memory", "swap"),
                List.copyOf(doc.object("node").objects("systemContainers").get(0).fields().keySet()));
        JsonObject pod = doc.objects("pods").get(0);
        assertEquals(List.of("podRef", "startTime", "containers", "cpu", "memory", "swap"), List.copyOf(pod.fields().keySet()));
        assertEquals(List.of("name", "startTime", "cpu", "memory", "swap"),
                List.copyOf(pod.objects("containers").get(0).fields().keySet()));
        assertEquals(full.pods().get(0).containers().get(0).cpu(), reduced.pods().get(0).containers().get(0).cpu());
        assertTrue(CpuAndMemorySummary.requested(List.of("true")));
        assertTrue(!CpuAndMemorySummary.requested(List.of("True")) && !CpuAndMemorySummary.requested(List.of("true", "true"))
                && !CpuAndMemorySummary.requested(List.of()));
    }
}
