package dev.nodepulse.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nodepulse.json.JsonNumber;
import dev.nodepulse.json.JsonObject;
import dev.nodepulse.json.JsonReader;
import dev.nodepulse.kubelet.resource.ContainerResources;
import dev.nodepulse.kubelet.resource.Measurement;
import dev.nodepulse.kubelet.resource.PodResources;
import dev.nodepulse.kubelet.resource.ResourceMetrics;
import dev.nodepulse.kubelet.resource.ResourceMetricsReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * metrics-server's arithmetic over the agent's /metrics/resource, against a real CPU-burning container: two scrapes
 * a few seconds apart, each decoded as metrics-server decodes it (cumulative CPU = uint64(seconds * 1e9), the
 * sample's millisecond timestamp), then the rate its storage computes (delta CPU / window in seconds). The result
 * must be the container's burn rate within 10%, the burn rate measured independently from the process's own CPU
 * time (/proc/<pid>/stat, sampled every 100 ms and interpolated at the two sample timestamps). The container is
 * capped at half a core (cpu.cfs_quota_us of its own cgroup) so the rate stays steady on a shared host. The same
 * run checks /stats/summary's usageNanoCores, the rate between the housekeeping loop's last two walks.
 *
 * <p>The tree is this test's own ({@link OwnKubepodsTree}); the memory hierarchy is left out (moving the process
 * there would take it out of a memory cgroup the test does not own), so the container's working set reads 0, which
 * metrics-server would drop the pod for: the CPU arithmetic is applied to the decoded points directly.
 */
class ResourceRateLiveIT {

    private static final Path CGROUPFS = Path.of("/sys/fs/cgroup");
    private static final List<String> V1_CONTROLLERS = List.of("cpu", "cpuacct", "pids", "blkio");
    private static final long QUOTA_MICROS = 50_000;
    private static final long PERIOD_MICROS = 100_000;

    @TempDir
    Path rootfs;

    /** One reading of the burner's own CPU time. */
    private record Reading(long wallMillis, double cpuSeconds) {}

    @Test
    void metricsServerRateMatchesTheBurnRate() throws Exception {
        assumeTrue(Files.isRegularFile(CGROUPFS.resolve("cpuacct/cpuacct.usage")),
                "no cgroup v1 cpuacct hierarchy at /sys/fs/cgroup: live rate test skipped");
        List<Path> hierarchies = new ArrayList<>();
        for (String c : V1_CONTROLLERS) {
            if (Files.isDirectory(CGROUPFS.resolve(c))) {
                hierarchies.add(CGROUPFS.resolve(c));
            }
        }
        try (OwnKubepodsTree tree = OwnKubepodsTree.create(hierarchies, rootfs, "rate")) {
            Path quota = tree.containerFile(CGROUPFS.resolve("cpu"), "cpu.cfs_quota_us");
            if (Files.isRegularFile(quota)) {
                Files.writeString(tree.containerFile(CGROUPFS.resolve("cpu"), "cpu.cfs_period_us"), PERIOD_MICROS + "\n");
                Files.writeString(quota, QUOTA_MICROS + "\n");
            }
            long pid = tree.startBurner();
            List<Reading> readings = new CopyOnWriteArrayList<>();
            AtomicBoolean sampling = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (sampling.get()) {
                    try {
                        readings.add(new Reading(System.currentTimeMillis(), OwnKubepodsTree.cpuSeconds(pid)));
                        Thread.sleep(100);
                    } catch (Exception e) {
                        return; // the burner is gone: the test is ending
                    }
                }
            }, "burner-cpu-sampler");
            sampler.setDaemon(true);
            sampler.start();
            try (AgentProcess agent = AgentProcess.start(List.of("--path.cgroupfs=" + CGROUPFS,
                    "--cgroup-root=" + tree.cgroupRoot(), "--path.rootfs=" + rootfs, "--cadvisor.extra-cgroups=",
                    "--kubelet-cgroups=", "--housekeeping-interval=1s", "--collector.disable-defaults"))) {
                Thread.sleep(1500);
                AgentProcess.Response first = agent.get("/metrics/resource");
                Thread.sleep(6000);
                AgentProcess.Response second = agent.get("/metrics/resource");
                AgentProcess.Response summary = agent.get("/stats/summary");
                Thread.sleep(300); // readings on both sides of the last sample's timestamp
                sampling.set(false);
                sampler.join(2000);
                assertEquals(200, first.status());
                assertEquals(200, second.status());
                assertEquals(200, summary.status(), summary.body());

                // metrics-server: decode, then storage's resourceUsage(last, prev).
                Measurement p1 = containerCpu(ResourceMetricsReader.read(first.body(), Instant.now()));
                Measurement p2 = containerCpu(ResourceMetricsReader.read(second.body(), Instant.now()));
                long cum1 = (long) (p1.value() * 1e9);
                long cum2 = (long) (p2.value() * 1e9);
                double windowSeconds = (p2.timestampMillis() - p1.timestampMillis()) / 1000.0;
                long nanoCores = (long) ((cum2 - cum1) / windowSeconds);
                double metricsServerCores = nanoCores / 1e9;

                double burnCores = (cpuAt(readings, p2.timestampMillis()) - cpuAt(readings, p1.timestampMillis()))
                        / windowSeconds;
                double podCores = rate(podCpu(ResourceMetricsReader.read(first.body(), Instant.now())),
                        podCpu(ResourceMetricsReader.read(second.body(), Instant.now())));
                System.out.printf("live rate: metrics-server arithmetic %.4f cores over %.3f s; burner's own CPU %.4f "
                                + "cores (quota %.2f); pod %.4f cores%n", metricsServerCores, windowSeconds, burnCores,
                        (double) QUOTA_MICROS / PERIOD_MICROS, podCores);
                assertTrue(burnCores > 0.05, "the burner got too little CPU to measure: " + burnCores);
                assertEquals(burnCores, metricsServerCores, burnCores * 0.10,
                        "metrics-server's rate vs the burner's own CPU time");
                assertEquals(burnCores, podCores, burnCores * 0.10, "the pod holds only the burner");

                // /stats/summary: usageNanoCores is the rate between the last two housekeeping walks (1 s apart),
                // within 10% of the burner's slowest and fastest 1 s rates over the last 3 s.
                double summaryCores = usageNanoCores(summary.body()) / 1e9;
                double[] range = rateRange(readings, 1000, 3000);
                System.out.printf("live rate: /stats/summary usageNanoCores %.4f cores; burner's 1 s rates %.4f..%.4f%n",
                        summaryCores, range[0], range[1]);
                assertTrue(summaryCores >= range[0] * 0.9 && summaryCores <= range[1] * 1.1,
                        "usageNanoCores " + summaryCores + " outside " + range[0] + ".." + range[1]);
            } finally {
                sampling.set(false);
            }
        }
    }

    private static Measurement containerCpu(ResourceMetrics m) {
        for (PodResources p : m.pods()) {
            if (p.name().equals(OwnKubepodsTree.POD) && p.namespace().equals(OwnKubepodsTree.NAMESPACE)) {
                for (ContainerResources c : p.containers()) {
                    if (c.name().equals(OwnKubepodsTree.CONTAINER)) {
                        assertNotNull(c.cpuSeconds(), "no container_cpu_usage_seconds_total");
                        return c.cpuSeconds();
                    }
                }
            }
        }
        throw new AssertionError("the burner is not in /metrics/resource: " + m);
    }

    private static Measurement podCpu(ResourceMetrics m) {
        for (PodResources p : m.pods()) {
            if (p.name().equals(OwnKubepodsTree.POD)) {
                return p.cpuSeconds();
            }
        }
        throw new AssertionError("no pod_cpu_usage_seconds_total for the burner's pod");
    }

    private static double rate(Measurement a, Measurement b) {
        return (b.value() - a.value()) / ((b.timestampMillis() - a.timestampMillis()) / 1000.0);
    }

    /** The burner's CPU seconds at {@code millis}, interpolated between the nearest readings around it. */
    private static double cpuAt(List<Reading> readings, long millis) {
        Reading before = null;
        Reading after = null;
        for (Reading r : readings) {
            if (r.wallMillis() == millis) {
                return r.cpuSeconds();
            }
            if (r.wallMillis() < millis) {
                before = r;
            } else if (after == null) {
                after = r;
            }
        }
        assertNotNull(before, "no CPU reading before " + millis);
        assertNotNull(after, "no CPU reading after " + millis + " (" + readings.size() + " readings, last at "
                + (readings.isEmpty() ? "-" : readings.get(readings.size() - 1).wallMillis()) + ")");
        double f = (double) (millis - before.wallMillis()) / (after.wallMillis() - before.wallMillis());
        return before.cpuSeconds() + f * (after.cpuSeconds() - before.cpuSeconds());
    }

    /** Slowest and fastest rate over windows of {@code windowMillis} in the last {@code spanMillis} of readings. */
    private static double[] rateRange(List<Reading> readings, long windowMillis, long spanMillis) {
        long end = readings.get(readings.size() - 1).wallMillis();
        double min = Double.MAX_VALUE;
        double max = 0;
        for (long t = end - spanMillis; t + windowMillis <= end; t += 100) {
            double r = (cpuAt(readings, t + windowMillis) - cpuAt(readings, t)) / (windowMillis / 1000.0);
            min = Math.min(min, r);
            max = Math.max(max, r);
        }
        return new double[] {min, max};
    }

    private static long usageNanoCores(String summaryJson) throws Exception {
        JsonObject doc = JsonReader.parseObject(summaryJson);
        for (Object p : (List<?>) doc.get("pods")) {
            JsonObject pod = (JsonObject) p;
            if (pod.object("podRef").string("name").equals(OwnKubepodsTree.POD)) {
                for (Object c : (List<?>) pod.get("containers")) {
                    JsonObject container = (JsonObject) c;
                    if (container.string("name").equals(OwnKubepodsTree.CONTAINER)) {
                        return Long.parseLong(((JsonNumber) container.object("cpu").get("usageNanoCores")).text());
                    }
                }
            }
        }
        throw new AssertionError("the burner is not in /stats/summary:\n" + summaryJson);
    }
}
