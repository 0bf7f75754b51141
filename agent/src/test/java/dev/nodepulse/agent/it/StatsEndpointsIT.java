package dev.nodepulse.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.agent.cadvisor.CadvisorFixtureTest;
import dev.nodepulse.agent.cadvisor.ExpositionText;
import dev.nodepulse.agent.stats.ExpectedDocuments;
import dev.nodepulse.agent.stats.StatsFixtures;
import dev.nodepulse.json.JsonNumber;
import dev.nodepulse.json.JsonObject;
import dev.nodepulse.json.JsonReader;
import dev.nodepulse.kubelet.resource.ContainerResources;
import dev.nodepulse.kubelet.resource.PodResources;
import dev.nodepulse.kubelet.resource.ResourceMetrics;
import dev.nodepulse.kubelet.resource.ResourceMetricsReader;
import dev.nodepulse.kubelet.stats.SummarySchema;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built agent serving /stats/summary and /metrics/resource from each fixture tree: the live bodies decoded and
 * compared field by field with the documents the fixture generator derived from the numbers it wrote. The
 * filesystem fields describe the real filesystem under the temporary tree, so they are checked against
 * {@code stat -f} of the same directories instead. On top: no key outside the kubelet's schema, every field
 * metrics-server and the OpenTelemetry kubeletstats receiver read present as an integer of the right unit, and the
 * resource metrics read back with metrics-server's decoding rules.
 */
class StatsEndpointsIT {

    /** Fields the consumers read, by object; units are checked against the cgroup numbers by the expected documents. */
    private static final List<String> NODE_FIELDS = List.of("cpu.usageNanoCores", "cpu.usageCoreNanoSeconds",
            "memory.availableBytes", "memory.usageBytes", "memory.workingSetBytes", "memory.rssBytes",
            "memory.pageFaults", "memory.majorPageFaults", "fs.availableBytes", "fs.capacityBytes", "fs.usedBytes",
            "network.rxBytes", "network.txBytes", "network.rxErrors", "network.txErrors", "rlimit.maxpid",
            "rlimit.curproc");
    private static final List<String> POD_FIELDS = List.of("cpu.usageNanoCores", "cpu.usageCoreNanoSeconds",
            "memory.usageBytes", "memory.workingSetBytes", "memory.rssBytes", "memory.pageFaults",
            "memory.majorPageFaults", "network.rxBytes", "network.txBytes", "network.rxErrors", "network.txErrors",
            "ephemeral-storage.availableBytes", "ephemeral-storage.capacityBytes");
    private static final List<String> CONTAINER_FIELDS = List.of("cpu.usageNanoCores", "cpu.usageCoreNanoSeconds",
            "memory.usageBytes", "memory.workingSetBytes", "memory.rssBytes", "memory.pageFaults",
            "memory.majorPageFaults", "rootfs.availableBytes", "rootfs.capacityBytes");
    /** Filesystem keys: their values are the live filesystem's, not the fixture's fake statfs. */
    private static final Set<String> FS_OBJECTS = Set.of("fs", "imageFs", "containerFs", "rootfs", "logs",
            "ephemeral-storage");

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
    void summaryAndResourceMetricsOfAFixtureTree(String tree) throws Exception {
        Path root = CadvisorFixtureTest.materialize(tree, tmp);
        try (AgentProcess agent = AgentProcess.start(List.of("--path.cgroupfs=" + root.resolve("cgroupfs"),
                "--path.procfs=" + root.resolve("proc"), "--path.sysfs=" + root.resolve("sys"),
                "--path.rootfs=" + root.resolve("rootfs"), "--node-name=" + StatsFixtures.NODE_NAME,
                "--housekeeping-interval=1h", "--collector.disable-defaults"))) {
            // The full summary: fixture numbers exactly, filesystems as statfs(2) of the tree's directories.
            long from = Instant.now().getEpochSecond();
            AgentProcess.Response full = agent.get("/stats/summary");
            long to = Instant.now().getEpochSecond();
            assertEquals(200, full.status(), full.body());
            assertEquals("application/json", full.contentType());
            JsonObject doc = JsonReader.parseObject(full.body());
            assertEquals(List.of(), SummarySchema.violations(doc), "keys outside the kubelet's schema");
            ExpectedDocuments.JsonDiff d = ExpectedDocuments.compare(
                    JsonReader.parseObject(Files.readString(root.resolve("expected-summary.json"))), doc);
            List<String> diffs = new ArrayList<>();
            for (String diff : d.differences()) {
                if (!isFilesystemValue(diff)) {
                    diffs.add(diff);
                }
            }
            assertEquals(List.of(), diffs, tree + ":\n" + full.body());
            StatsFixtures.assertTimes(d.times(), from, to);
            checkFilesystems(doc, root.resolve("rootfs/var/lib/kubelet"), imageFsDir(root));
            checkConsumerFields(doc);

            // only_cpu_and_memory=true: exactly the reduced document; POST as well as GET.
            AgentProcess.Response reduced = agent.get("/stats/summary?only_cpu_and_memory=true");
            assertEquals(200, reduced.status());
            ExpectedDocuments.JsonDiff r = ExpectedDocuments.compare(
                    JsonReader.parseObject(Files.readString(root.resolve("expected-summary-cpu-memory.json"))),
                    JsonReader.parseObject(reduced.body()));
            assertEquals(List.of(), r.differences(), tree + ":\n" + reduced.body());
            assertEquals(200, request(agent, "POST", "/stats/summary?only_cpu_and_memory=true"));
            assertEquals(405, request(agent, "PUT", "/stats/summary"));

            // /metrics/resource: the kubelet's families and values, one timestamp for every timed sample.
            long fromMs = System.currentTimeMillis();
            AgentProcess.Response res = agent.get("/metrics/resource");
            long toMs = System.currentTimeMillis();
            assertEquals(200, res.status());
            assertTrue(res.contentType().startsWith("text/plain; version=0.0.4"), res.contentType());
            Set<Long> stamps = new TreeSet<>();
            assertEquals(List.of(), ExpectedDocuments.compareResource(
                    ExpositionText.parse(Files.readString(root.resolve("expected-resource.prom"))),
                    ExpositionText.parse(res.body()), stamps), tree + ":\n" + res.body());
            assertEquals(1, stamps.size(), "one snapshot, one timestamp: " + stamps);
            long stamp = stamps.iterator().next();
            assertTrue(stamp >= fromMs && stamp <= toMs, stamp + " outside " + fromMs + ".." + toMs);
            checkMetricsServerDecoding(res.body(), doc);

            String landing = agent.get("/").body();
            assertTrue(landing.contains("href=\"/stats/summary\"") && landing.contains("href=\"/metrics/resource\""));
        }
    }

    /** A difference in a filesystem object's numbers, which describe the live filesystem in this test. */
    private static boolean isFilesystemValue(String diff) {
        for (String o : FS_OBJECTS) {
            if (diff.contains("." + o + ".") && !diff.contains("missing") && !diff.contains("unexpected")) {
                return true;
            }
        }
        return false;
    }

    /** Where the agent should have found the tree's image filesystem. */
    private static Path imageFsDir(Path root) {
        for (String d : List.of("var/lib/containerd/io.containerd.snapshotter.v1.overlayfs", "var/lib/containers/storage",
                "var/lib/docker")) {
            if (Files.isDirectory(root.resolve("rootfs").resolve(d))) {
                return root.resolve("rootfs").resolve(d);
            }
        }
        throw new AssertionError("no image filesystem directory in " + root);
    }

    /** statfs of {@code dir} by coreutils: fragment size, blocks, free, available, inodes, free inodes. */
    static long[] statFs(Path dir) throws Exception {
        Process p = new ProcessBuilder("stat", "-f", "-c", "%S %b %f %a %c %d", dir.toString()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor());
        String[] f = out.split(" ");
        long[] v = new long[f.length];
        for (int i = 0; i < f.length; i++) {
            v[i] = Long.parseLong(f[i]);
        }
        return v;
    }

    /**
     * Capacity and inodes exactly; available, used and free inodes within what other processes may have written
     * between the agent's statfs and this one.
     */
    private static void checkFilesystems(JsonObject doc, Path rootDir, Path imageDir) throws Exception {
        long[] node = statFs(rootDir);
        long[] image = statFs(imageDir);
        JsonObject n = doc.object("node");
        checkFs("node.fs", n.object("fs"), node, true);
        checkFs("runtime.imageFs", n.object("runtime").object("imageFs"), image, false);
        checkFs("runtime.containerFs", n.object("runtime").object("containerFs"), image, false);
        for (JsonObject pod : objects(doc.get("pods"))) {
            checkFs("ephemeral-storage", pod.object("ephemeral-storage"), node, false);
            for (JsonObject c : objects(pod.get("containers"))) {
                checkFs("rootfs", c.object("rootfs"), image, false);
                checkFs("logs", c.object("logs"), node, false);
            }
        }
    }

    private static void checkFs(String what, JsonObject fs, long[] st, boolean withUsage) throws Exception {
        assertNotNull(fs, what);
        long frsize = st[0];
        long slackBytes = 512L << 20;
        long slackInodes = 100_000;
        assertEquals(st[1] * frsize, number(fs, "capacityBytes"), what + ".capacityBytes");
        assertEquals(st[4], number(fs, "inodes"), what + ".inodes");
        assertEquals(st[3] * frsize, number(fs, "availableBytes"), slackBytes, what + ".availableBytes");
        assertEquals(st[5], number(fs, "inodesFree"), slackInodes, what + ".inodesFree");
        if (withUsage) {
            assertEquals((st[1] - st[2]) * frsize, number(fs, "usedBytes"), slackBytes, what + ".usedBytes");
            assertEquals(number(fs, "inodes") - number(fs, "inodesFree"), number(fs, "inodesUsed"), what + ".inodesUsed");
        }
    }

    /** Every field the consumers read is there, as a JSON integer. */
    private static void checkConsumerFields(JsonObject doc) throws Exception {
        JsonObject node = doc.object("node");
        assertNotNull(node.get("startTime"));
        for (String f : NODE_FIELDS) {
            integer(node, f, "node");
        }
        for (JsonObject pod : objects(doc.get("pods"))) {
            String where = "pod " + pod.object("podRef").string("name");
            for (String k : List.of("name", "namespace", "uid")) {
                assertTrue(!pod.object("podRef").string(k).isEmpty(), where + " podRef." + k);
            }
            assertNotNull(pod.get("startTime"), where);
            for (String f : POD_FIELDS) {
                integer(pod, f, where);
            }
            for (JsonObject c : objects(pod.get("containers"))) {
                assertNotNull(c.get("startTime"), where + " " + c.string("name"));
                for (String f : CONTAINER_FIELDS) {
                    integer(c, f, where + " container " + c.string("name"));
                }
            }
        }
    }

    /**
     * The body read as metrics-server reads it: node CPU and memory with a timestamp and non-zero, every container
     * with CPU and memory under one timestamp (metrics-server drops the whole pod otherwise), and the same cumulative
     * CPU (seconds, from the summary's nanoseconds) and working set as the summary.
     */
    private static void checkMetricsServerDecoding(String body, JsonObject summary) throws Exception {
        ResourceMetrics m = ResourceMetricsReader.read(body, Instant.EPOCH);
        assertTrue(!m.scrapeError());
        JsonObject node = summary.object("node");
        assertEquals(number(node.object("cpu"), "usageCoreNanoSeconds") / 1e9, m.node().cpuSeconds().value(), 1e-9);
        assertEquals(number(node.object("memory"), "workingSetBytes"), m.node().workingSetBytes().value());
        assertTrue(m.node().cpuSeconds().time().isAfter(Instant.EPOCH));
        int containers = 0;
        for (JsonObject pod : objects(summary.get("pods"))) {
            PodResources pr = m.pods().stream().filter(p -> {
                try {
                    return p.name().equals(pod.object("podRef").string("name"));
                } catch (Exception e) {
                    return false;
                }
            }).findFirst().orElseThrow(() -> new AssertionError("pod missing from /metrics/resource"));
            for (JsonObject c : objects(pod.get("containers"))) {
                ContainerResources cr = pr.containers().stream().filter(x -> {
                    try {
                        return x.name().equals(c.string("name"));
                    } catch (Exception e) {
                        return false;
                    }
                }).findFirst().orElseThrow();
                assertTrue(cr.cpuSeconds().value() > 0 && cr.workingSetBytes().value() > 0, cr.toString());
                assertEquals(cr.cpuSeconds().time(), cr.workingSetBytes().time());
                assertEquals(number(c.object("cpu"), "usageCoreNanoSeconds") / 1e9, cr.cpuSeconds().value(), 1e-9);
                assertEquals(number(c.object("memory"), "workingSetBytes"), cr.workingSetBytes().value());
                assertEquals(Instant.parse(c.string("startTime")).getEpochSecond(), cr.startTime().getEpochSecond());
                containers++;
            }
        }
        assertTrue(containers >= 4, "containers " + containers);
    }

    private static long integer(JsonObject o, String dotted, String where) throws Exception {
        String[] parts = dotted.split("\\.");
        JsonObject cur = o;
        for (int i = 0; i < parts.length - 1; i++) {
            cur = cur.object(parts[i]);
            assertNotNull(cur, where + ": no " + dotted);
        }
        Object v = cur.get(parts[parts.length - 1]);
        assertTrue(v instanceof JsonNumber n && n.text().matches("\\d+"), where + ": " + dotted + " = " + v);
        return Long.parseLong(((JsonNumber) v).text());
    }

    private static long number(JsonObject o, String key) throws Exception {
        return integer(o, key, o.path());
    }

    private static List<JsonObject> objects(Object list) {
        List<JsonObject> out = new ArrayList<>();
        for (Object o : (List<?>) list) {
            out.add((JsonObject) o);
        }
        return out;
    }

    private static int request(AgentProcess agent, String method, String path) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(agent.baseUrl() + path).toURL()
                .openConnection(java.net.Proxy.NO_PROXY);
        c.setRequestMethod(method);
        c.setConnectTimeout(5000);
        c.setReadTimeout(30000);
        int status = c.getResponseCode();
        (status >= 400 ? c.getErrorStream() : c.getInputStream()).readAllBytes();
        c.disconnect();
        return status;
    }
}
