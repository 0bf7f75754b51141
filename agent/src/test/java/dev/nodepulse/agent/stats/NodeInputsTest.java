package dev.nodepulse.agent.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.agent.node.StatfsWorkers;
import dev.nodepulse.cgroups.runtime.RuntimeKind;
import dev.nodepulse.cgroups.snapshot.CgroupSnapshot;
import dev.nodepulse.kubelet.stats.RlimitStats;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.natives.StatfsResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summary's non-cgroup inputs: task limits, the two filesystems, and what is left out when they fail. */
class NodeInputsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path root;

    private HostPaths paths() {
        return new HostPaths(root.resolve("proc"), root.resolve("sys"), root.resolve("rootfs"), root.resolve("udev"));
    }

    private void write(String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void maxpidIsTheSmallerLimitAndCurprocTheTaskCount() throws Exception {
        write("proc/sys/kernel/pid_max", "32768\n");
        write("proc/sys/kernel/threads-max", "95000\n");
        write("proc/loadavg", "1.36 3.49 4.53 2/3518 3715089\n");
        assertEquals(new RlimitStats(NOW, 32768L, 3518L), NodeLimits.read(paths(), NOW));
        write("proc/sys/kernel/threads-max", "4000\n");
        assertEquals(new RlimitStats(NOW, 4000L, 3518L), NodeLimits.read(paths(), NOW));
    }

    @Test
    void unreadableLimitsAreLeftOut() throws Exception {
        assertEquals(new RlimitStats(NOW, null, null), NodeLimits.read(paths(), NOW));
        write("proc/sys/kernel/threads-max", "garbage\n");
        write("proc/sys/kernel/pid_max", "4194304\n");
        write("proc/loadavg", "0.1 0.2 0.3\n");
        assertEquals(new RlimitStats(NOW, 4194304L, null), NodeLimits.read(paths(), NOW));
    }

    @Test
    void filesystemsOfTheRootDirAndTheRuntimesImageDirectory() throws Exception {
        Files.createDirectories(root.resolve("rootfs/var/lib/kubelet"));
        Files.createDirectories(root.resolve("rootfs/var/lib/containers/storage"));
        Files.createDirectories(root.resolve("rootfs/var/lib/docker"));
        Map<String, Integer> calls = new ConcurrentHashMap<>();
        StatfsWorkers.StatCall fake = path -> {
            calls.merge(path, 1, Integer::sum);
            // 2 KiB fragments, 1 KiB blocks: the fragment size is the unit, as cAdvisor counts.
            return path.endsWith("kubelet") ? new StatfsResult(1, 1024, 1000, 400, 300, 50, 20, 0, 2048)
                    : new StatfsResult(1, 4096, 10, 5, 4, 8, 6, 0, 4096);
        };
        NodeFilesystems fs = new NodeFilesystems(paths(), "/var/lib/kubelet", "",
                new StatfsWorkers(fake, 2, Duration.ofSeconds(5)), CLOCK);
        NodeFilesystems.Result r = fs.read(RuntimeKind.CRIO);
        assertEquals(new FsUsage(NOW, 2048_000, 400 * 2048, 300 * 2048, 50, 20), r.rootFs());
        assertEquals(600 * 2048, r.rootFs().usedBytes());
        assertEquals(30, r.rootFs().inodesUsed());
        assertEquals(new FsUsage(NOW, 40960, 20480, 16384, 8, 6), r.imageFs());
        assertTrue(calls.containsKey(root.resolve("rootfs/var/lib/containers/storage").toString()), calls.toString());
        // Docker's directory for a Docker node; no runtime known: the first runtime directory that exists.
        calls.clear();
        fs.read(RuntimeKind.DOCKER);
        assertTrue(calls.containsKey(root.resolve("rootfs/var/lib/docker").toString()), calls.toString());
        calls.clear();
        fs.read(null);
        assertTrue(calls.containsKey(root.resolve("rootfs/var/lib/containers/storage").toString()), calls.toString());
        // containerd's snapshotter directory is missing here: no image filesystem rather than a guess.
        assertNull(fs.read(RuntimeKind.CONTAINERD).imageFs());
    }

    @Test
    void aHungOrFailingStatfsLeavesItsFilesystemOut() throws Exception {
        Files.createDirectories(root.resolve("rootfs/var/lib/kubelet"));
        Files.createDirectories(root.resolve("rootfs/images"));
        CountDownLatch release = new CountDownLatch(1);
        StatfsWorkers.StatCall hungRoot = path -> {
            if (path.endsWith("kubelet")) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IOException("interrupted");
            }
            throw new IOException("EACCES");
        };
        NodeFilesystems fs = new NodeFilesystems(paths(), "/var/lib/kubelet", "/images",
                new StatfsWorkers(hungRoot, 2, Duration.ofMillis(200)), CLOCK);
        long start = System.nanoTime();
        NodeFilesystems.Result r = fs.read(RuntimeKind.CONTAINERD);
        release.countDown();
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(3).toNanos(), "waited for the hung statfs");
        assertNull(r.rootFs());
        assertNull(r.imageFs());
        // Missing directories are not stat'ed at all.
        NodeFilesystems none = new NodeFilesystems(paths(), "/nonexistent", "/also-missing",
                new StatfsWorkers(p -> { throw new AssertionError("stat'ed " + p); }, 1, Duration.ofSeconds(1)), CLOCK);
        assertEquals(new NodeFilesystems.Result(null, null), none.read(RuntimeKind.CONTAINERD));
    }

    @Test
    void withoutCgroupsEverySummaryFails() {
        SummarySource source = new SummarySource(null, paths(), null, "n", NOW, SystemCgroups.NONE, true, CLOCK);
        IOException e = assertThrows(IOException.class, () -> source.summary(true));
        assertTrue(e.getMessage().startsWith("failed to get root cgroup stats"), e.getMessage());
        // A snapshot without its root row: the kubelet's "failed to get root cgroup stats" too.
        CgroupSnapshot empty = new CgroupSnapshot(0, 0, null, List.of(), List.of(), 0, List.of("/: unreadable"));
        assertThrows(IOException.class, () -> SummaryBuilder.build(empty, Map.of(),
                new NodeInputs("n", NOW, SystemCgroups.NONE, null, null, null, true), true));
    }
}
