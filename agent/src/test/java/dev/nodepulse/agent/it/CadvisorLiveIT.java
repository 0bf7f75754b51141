package dev.nodepulse.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent against real cgroups on this host, where it may create them (root, writable cgroupfs). The test
 * builds its own uniquely named kubepods-like tree ({@code /np-live-<random>/kubepods/burstable/pod<uid>/<id>},
 * read through the agent's --cgroup-root), writes a matching containerd bundle under a temporary
 * --path.rootfs, moves a CPU-burning process it started into the container cgroup, and checks that
 * container_cpu_usage_seconds_total follows the process's own CPU time (/proc/<pid>/stat) within 5%, with the
 * bundle's pod, namespace and container labels. It moves only that process, never touches another cgroup,
 * and removes everything it created. The memory hierarchy is left out: moving the process there would take it
 * out of the memory cgroup it was started in, which this test does not own.
 */
class CadvisorLiveIT {

    private static final Path CGROUPFS = Path.of("/sys/fs/cgroup");
    /** v1 controllers the process is moved into; the discovery walk uses cpu. */
    private static final List<String> V1_CONTROLLERS = List.of("cpu", "cpuacct", "pids", "blkio");

    @TempDir
    Path rootfs;

    @Test
    void cgroupV1() throws Exception {
        assumeTrue(Files.isRegularFile(CGROUPFS.resolve("cpuacct/cpuacct.usage")),
                "no cgroup v1 cpuacct hierarchy at /sys/fs/cgroup: v1 live test skipped");
        List<Path> bases = new ArrayList<>();
        for (String c : V1_CONTROLLERS) {
            if (Files.isDirectory(CGROUPFS.resolve(c))) {
                bases.add(CGROUPFS.resolve(c));
            }
        }
        run(CGROUPFS, bases);
    }

    @Test
    void cgroupV2() throws Exception {
        Path unified = Files.isRegularFile(CGROUPFS.resolve("cgroup.controllers")) ? CGROUPFS
                : CGROUPFS.resolve("unified");
        assumeTrue(Files.isRegularFile(unified.resolve("cgroup.controllers")),
                "no cgroup v2 hierarchy on this host: v2 live test skipped");
        run(unified, List.of(unified));
    }

    private void run(Path cgroupfs, List<Path> hierarchies) throws Exception {
        String top = "np-live-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
        String uid = UUID.randomUUID().toString();
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        String cid = HexFormat.of().formatHex(raw);
        String rel = top + "/kubepods/burstable/pod" + uid + "/" + cid;
        List<Path> created = new ArrayList<>();
        Process burner = null;
        try {
            for (Path h : hierarchies) {
                try {
                    created.addAll(mkdirs(h, rel));
                } catch (IOException e) {
                    assumeTrue(false, "cannot create cgroups under " + h + " (" + e + "): live test skipped");
                }
            }
            writeBundle(cid, uid);
            burner = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
            long pid = burner.pid();
            for (Path h : hierarchies) {
                try {
                    Files.writeString(h.resolve(rel).resolve("cgroup.procs"), pid + "\n");
                } catch (IOException e) {
                    assumeTrue(false, "cannot move a process into " + h.resolve(rel) + " (" + e + "): skipped");
                }
            }
            double atMove = cpuSeconds(pid);
            Thread.sleep(4000);

            try (AgentProcess agent = AgentProcess.start(List.of("--path.cgroupfs=" + cgroupfs,
                    "--cgroup-root=/" + top, "--path.rootfs=" + rootfs, "--cadvisor.extra-cgroups=",
                    "--housekeeping-interval=1h"))) {
                double before = cpuSeconds(pid);
                AgentProcess.Response r = agent.get("/metrics/cadvisor");
                double after = cpuSeconds(pid);
                assertEquals(200, r.status());
                assertTrue(r.contentType().startsWith("text/plain; version=0.0.4"), r.contentType());
                Scrape s = Scrape.parse(r.body());
                String id = "/" + rel;
                Scrape.Sample usage = s.all("container_cpu_usage_seconds_total").stream()
                        .filter(x -> x.labels().get("id").equals(id)).findFirst()
                        .orElseThrow(() -> new AssertionError("no row for " + id + " in\n" + r.body()));
                double v = usage.value();
                System.out.printf("live %s: container_cpu_usage_seconds_total %.3f s; process since move %.2f s, "
                        + "total %.2f..%.2f s%n", cgroupfs, v, before - atMove, before, after);
                // The cgroup counts from the move on; the process's own counters also hold the moments before it.
                assertTrue(before - atMove >= 0.5, "the burner got too little CPU to measure: " + (before - atMove));
                assertTrue(v >= (before - atMove) * 0.95 && v <= after * 1.05,
                        "cgroup usage " + v + "s vs the process's own " + (before - atMove) + ".." + after + "s");
                assertEquals("live-pod", usage.labels().get("pod"));
                assertEquals("live-ns", usage.labels().get("namespace"));
                assertEquals("burner", usage.labels().get("container"));
                assertEquals(cid, usage.labels().get("name"));
                assertEquals("example.invalid/burner:1", usage.labels().get("image"));
                assertEquals("total", usage.labels().get("cpu"));
                // The pod row is named after the pod; the kubepods rows have empty labels.
                String podId = "/" + top + "/kubepods/burstable/pod" + uid;
                Scrape.Sample pod = s.all("container_cpu_usage_seconds_total").stream()
                        .filter(x -> x.labels().get("id").equals(podId)).findFirst().orElseThrow();
                assertEquals("live-pod", pod.labels().get("pod"));
                assertEquals("", pod.labels().get("container"));
                assertEquals(1.0, s.value("container_processes", "id", id));
            }
        } finally {
            if (burner != null) {
                burner.destroyForcibly();
                burner.waitFor(10, TimeUnit.SECONDS);
            }
            // Children before parents; a cgroup whose last process just exited may need a moment.
            for (int i = created.size() - 1; i >= 0; i--) {
                rmdir(created.get(i));
            }
        }
    }

    /** Creates each missing directory of {@code rel} under {@code h}; returns them, parents first. */
    private static List<Path> mkdirs(Path h, String rel) throws IOException {
        List<Path> made = new ArrayList<>();
        Path p = h;
        for (String part : rel.split("/")) {
            p = p.resolve(part);
            if (!Files.isDirectory(p)) {
                Files.createDirectory(p);
                made.add(p);
            }
        }
        return made;
    }

    private static void rmdir(Path p) throws InterruptedException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                Files.deleteIfExists(p);
                return;
            } catch (IOException busy) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("could not remove test cgroup " + p);
    }

    private void writeBundle(String cid, String uid) throws IOException {
        Path dir = rootfs.resolve("run/containerd/io.containerd.runtime.v2.task/k8s.io").resolve(cid);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config.json"), "{\"ociVersion\":\"1.1.0\",\"process\":{\"args\":[\"sh\"]},"
                + "\"annotations\":{\"io.kubernetes.cri.container-type\":\"container\","
                + "\"io.kubernetes.cri.container-name\":\"burner\","
                + "\"io.kubernetes.cri.image-name\":\"example.invalid/burner:1\","
                + "\"io.kubernetes.cri.sandbox-id\":\"" + "0".repeat(64) + "\","
                + "\"io.kubernetes.cri.sandbox-name\":\"live-pod\","
                + "\"io.kubernetes.cri.sandbox-namespace\":\"live-ns\","
                + "\"io.kubernetes.cri.sandbox-uid\":\"" + uid + "\"}}");
    }

    /** utime + stime of {@code pid} from /proc/<pid>/stat, in seconds (USER_HZ is 100). */
    private static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    }
}
