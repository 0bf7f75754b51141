package dev.nodepulse.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        try (OwnKubepodsTree tree = OwnKubepodsTree.create(hierarchies, rootfs, "live")) {
            long pid = tree.startBurner();
            double atMove = OwnKubepodsTree.cpuSeconds(pid);
            Thread.sleep(4000);

            try (AgentProcess agent = AgentProcess.start(List.of("--path.cgroupfs=" + cgroupfs,
                    "--cgroup-root=" + tree.cgroupRoot(), "--path.rootfs=" + rootfs, "--cadvisor.extra-cgroups=",
                    "--kubelet-cgroups=", "--housekeeping-interval=1h"))) {
                double before = OwnKubepodsTree.cpuSeconds(pid);
                AgentProcess.Response r = agent.get("/metrics/cadvisor");
                double after = OwnKubepodsTree.cpuSeconds(pid);
                assertEquals(200, r.status());
                assertTrue(r.contentType().startsWith("text/plain; version=0.0.4"), r.contentType());
                Scrape s = Scrape.parse(r.body());
                String id = tree.containerId();
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
                assertEquals(OwnKubepodsTree.POD, usage.labels().get("pod"));
                assertEquals(OwnKubepodsTree.NAMESPACE, usage.labels().get("namespace"));
                assertEquals(OwnKubepodsTree.CONTAINER, usage.labels().get("container"));
                assertEquals(tree.cid(), usage.labels().get("name"));
                assertEquals(OwnKubepodsTree.IMAGE, usage.labels().get("image"));
                assertEquals("total", usage.labels().get("cpu"));
                // The pod row is named after the pod; the kubepods rows have empty labels.
                String podId = tree.podId();
                Scrape.Sample pod = s.all("container_cpu_usage_seconds_total").stream()
                        .filter(x -> x.labels().get("id").equals(podId)).findFirst().orElseThrow();
                assertEquals(OwnKubepodsTree.POD, pod.labels().get("pod"));
                assertEquals("", pod.labels().get("container"));
                assertEquals(1.0, s.value("container_processes", "id", id));
            }
        }
    }
}
