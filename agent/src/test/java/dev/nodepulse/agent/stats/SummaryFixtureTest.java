package dev.nodepulse.agent.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.agent.cadvisor.CadvisorFixtureTest;
import dev.nodepulse.agent.cadvisor.ContainerSnapshots;
import dev.nodepulse.agent.cadvisor.ExpositionText;
import dev.nodepulse.agent.node.StatfsWorkers;
import dev.nodepulse.cgroups.snapshot.SnapshotReader;
import dev.nodepulse.http.Exposition;
import dev.nodepulse.json.JsonObject;
import dev.nodepulse.json.JsonReader;
import dev.nodepulse.kubelet.resource.ResourceMetrics;
import dev.nodepulse.kubelet.resource.ResourceMetricsFormat;
import dev.nodepulse.kubelet.stats.SummaryJson;
import dev.nodepulse.kubelet.stats.SummarySchema;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.natives.StatfsResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * /stats/summary (full and only_cpu_and_memory) and /metrics/resource of the five fixture trees, built in process
 * from a real snapshot of each tree with statfs answered from fake-statfs.txt, written as the endpoints write them,
 * decoded and compared field by field with the documents the fixture generator derived from the numbers it wrote.
 */
class SummaryFixtureTest {

    @TempDir
    Path tmp;

    @AfterEach
    void removeFdLinks() throws IOException {
        try (var paths = Files.walk(tmp)) {
            for (Path p : paths.filter(Files::isSymbolicLink).toList()) {
                Files.delete(p);
            }
        }
    }

    static List<String> trees() {
        return StatsFixtures.TREES;
    }

    @ParameterizedTest
    @MethodSource("trees")
    void fullSummaryMatchesTheExpectedDocument(String tree) throws Exception {
        Path root = CadvisorFixtureTest.materialize(tree, tmp);
        long from = Instant.now().getEpochSecond();
        String json = SummaryJson.write(source(root).summary(false));
        long to = Instant.now().getEpochSecond();

        JsonObject actual = JsonReader.parseObject(json);
        assertEquals(List.of(), SummarySchema.violations(actual), "keys outside the kubelet's schema");
        ExpectedDocuments.JsonDiff d = ExpectedDocuments.compare(
                JsonReader.parseObject(Files.readString(root.resolve("expected-summary.json"))), actual);
        assertEquals(List.of(), d.differences(), tree + ":\n" + json);
        StatsFixtures.assertTimes(d.times(), from, to);
    }

    @ParameterizedTest
    @MethodSource("trees")
    void cpuAndMemorySummaryMatchesTheExpectedDocument(String tree) throws Exception {
        Path root = CadvisorFixtureTest.materialize(tree, tmp);
        long from = Instant.now().getEpochSecond();
        String json = SummaryJson.write(source(root).summary(true));
        long to = Instant.now().getEpochSecond();

        JsonObject actual = JsonReader.parseObject(json);
        assertEquals(List.of(), SummarySchema.violations(actual));
        ExpectedDocuments.JsonDiff d = ExpectedDocuments.compare(
                JsonReader.parseObject(Files.readString(root.resolve("expected-summary-cpu-memory.json"))), actual);
        assertEquals(List.of(), d.differences(), tree + ":\n" + json);
        StatsFixtures.assertTimes(d.times(), from, to);
    }

    @ParameterizedTest
    @MethodSource("trees")
    void resourceMetricsMatchTheExpectedExposition(String tree) throws Exception {
        Path root = CadvisorFixtureTest.materialize(tree, tmp);
        long from = System.currentTimeMillis();
        String text = Exposition.text(ResourceMetricsFormat.snapshots(
                ResourceMetrics.fromSummary(source(root).summary(true)), false));
        long to = System.currentTimeMillis();

        Set<Long> stamps = new TreeSet<>();
        List<String> diffs = ExpectedDocuments.compareResource(
                ExpositionText.parse(Files.readString(root.resolve("expected-resource.prom"))), ExpositionText.parse(text),
                stamps);
        assertEquals(List.of(), diffs, tree + ":\n" + text);
        assertEquals(1, stamps.size(), "one snapshot, one timestamp: " + stamps);
        long t = stamps.iterator().next();
        assertTrue(t >= from && t <= to, "timestamp " + t + " outside " + from + ".." + to);
    }

    @org.junit.jupiter.api.Test
    void unknownFilesystemsAndLimitsAreLeftOutNotZeroed() throws Exception {
        Path root = CadvisorFixtureTest.materialize("v2-systemd-containerd", tmp);
        var snap = CadvisorFixtureTest.reader(root).read(dev.nodepulse.cgroups.snapshot.ReadOptions.housekeeping());
        JsonObject doc = JsonReader.parseObject(SummaryJson.write(SummaryBuilder.build(snap, Map.of(),
                new NodeInputs("n", Instant.EPOCH, SystemCgroups.NONE, null, null, null, false), true)));
        JsonObject node = doc.object("node");
        for (String k : List.of("fs", "runtime", "rlimit")) {
            assertTrue(!node.fields().containsKey(k), k + " written without a value");
        }
        assertTrue(!node.object("cpu").fields().containsKey("psi") && !node.fields().containsKey("io"),
                "PSI written with --no-cadvisor.pressure");
        // Only the pods row remains among the system containers when no other cgroup is configured.
        assertEquals(1, ((List<?>) node.get("systemContainers")).size());
        for (Object p : (List<?>) doc.get("pods")) {
            JsonObject pod = (JsonObject) p;
            assertTrue(!pod.fields().containsKey("ephemeral-storage"));
            for (Object c : (List<?>) pod.get("containers")) {
                JsonObject container = (JsonObject) c;
                assertTrue(!container.fields().containsKey("rootfs") && !container.fields().containsKey("logs"));
            }
        }
        assertEquals(List.of(), SummarySchema.violations(doc));
    }

    /** The endpoints' source over a fixture tree: a fresh snapshot per summary, statfs answered from the fixture. */
    static SummarySource source(Path root) throws Exception {
        SnapshotReader reader = CadvisorFixtureTest.reader(root);
        ContainerSnapshots snapshots = new ContainerSnapshots(reader::read, 1000);
        Map<String, StatfsResult> fake = StatsFixtures.fakeStatfs(root);
        StatfsWorkers.StatCall statfs = path -> fake.get(path.endsWith("var/lib/kubelet") ? "rootfs" : "imagefs");
        HostPaths paths = new HostPaths(root.resolve("proc"), root.resolve("sys"), root.resolve("rootfs"),
                root.resolve("udev"));
        NodeFilesystems fs = new NodeFilesystems(paths, "/var/lib/kubelet", "", new StatfsWorkers(statfs, 2,
                Duration.ofSeconds(5)), Clock.systemUTC());
        return new SummarySource(snapshots, paths, fs, StatsFixtures.NODE_NAME,
                Instant.ofEpochSecond(CadvisorFixtureTest.BOOT),
                SystemCgroups.of("/system.slice/kubelet.service", "", ""), true, Clock.systemUTC());
    }
}
