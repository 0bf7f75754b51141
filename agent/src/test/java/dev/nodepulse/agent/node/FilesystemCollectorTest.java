package dev.nodepulse.agent.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.agent.collector.DeviceFilter;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.natives.StatfsResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemCollectorTest {

    private static final StatfsResult ROOT = new StatfsResult(0xEF53, 4096, 66052044, 60211552, 20755927, 16777216,
            16345896, 0);
    private static final StatfsResult SMALL = new StatfsResult(0x01021994, 4096, 1, 1, 1, 3085510, 3085509, 1);

    /** A statfs stand-in: canned answers by path, errors for unknown paths, a count of calls per path. */
    static final class FakeStatfs implements StatfsWorkers.StatCall {
        final Map<String, StatfsResult> results = new ConcurrentHashMap<>();
        final Map<String, CountDownLatch> hangs = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

        @Override
        public StatfsResult statfs(String path) throws IOException {
            calls.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
            CountDownLatch hang = hangs.get(path);
            if (hang != null) {
                try {
                    hang.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            StatfsResult r = results.get(path);
            if (r == null) {
                throw new IOException("permission denied");
            }
            return r;
        }

        int calls(String path) {
            AtomicInteger n = calls.get(path);
            return n == null ? 0 : n.get();
        }
    }

    private static HostPaths hostPaths() {
        HostPaths f = NodeFixtures.paths();
        return new HostPaths(f.procfs(), f.sysfs(), Path.of("/host"), f.udevData());
    }

    private static FilesystemCollector collector(HostPaths paths, FakeStatfs fake, int workers, Duration timeout) {
        return new FilesystemCollector(paths,
                new DeviceFilter(null, Pattern.compile(FilesystemCollector.DEFAULT_MOUNT_POINTS_EXCLUDE)),
                new DeviceFilter(null, Pattern.compile(FilesystemCollector.DEFAULT_FS_TYPES_EXCLUDE)),
                new StatfsWorkers(fake, workers, timeout));
    }

    private static FakeStatfs healthyHost() {
        FakeStatfs fake = new FakeStatfs();
        fake.results.put("/host", ROOT);
        fake.results.put("/host/mnt/ro", SMALL);
        fake.results.put("/host/run/user/1000", SMALL);
        fake.results.put("/host/media/my disk", SMALL);
        fake.results.put("/host/data", SMALL);
        return fake;
    }

    @Test
    void publishesEveryMountTheDefaultFiltersLetThrough() throws Exception {
        FakeStatfs fake = healthyHost();
        MetricSink sink = SinkValues.run(collector(hostPaths(), fake, 4, Duration.ofSeconds(5)));

        Map<List<String>, Double> errors = SinkValues.samples(sink, "node_filesystem_device_error");
        assertEquals(Map.of(
                List.of("/dev/vda", "/", "ext4", ""), 0.0,
                List.of("tools", "/mnt/ro", "tmpfs", ""), 0.0,
                List.of("tmpfs", "/run/user/1000", "tmpfs", ""), 0.0,
                List.of("/dev/sda1", "/media/my disk", "ext4", ""), 0.0,
                List.of("server:/export", "/srv/nfs", "nfs4", "permission denied"), 1.0,
                List.of("/dev/sdb1", "/data", "xfs", ""), 0.0), errors);

        List<String> root = List.of("/dev/vda", "/", "ext4", "");
        assertEquals(66052044.0 * 4096, SinkValues.samples(sink, "node_filesystem_size_bytes").get(root));
        assertEquals(60211552.0 * 4096, SinkValues.samples(sink, "node_filesystem_free_bytes").get(root));
        assertEquals(20755927.0 * 4096, SinkValues.samples(sink, "node_filesystem_avail_bytes").get(root));
        assertEquals(16777216.0, SinkValues.samples(sink, "node_filesystem_files").get(root));
        assertEquals(16345896.0, SinkValues.samples(sink, "node_filesystem_files_free").get(root));
        assertEquals(0.0, SinkValues.samples(sink, "node_filesystem_purgeable_bytes").get(root));
        assertEquals(1.0, SinkValues.samples(sink, "node_filesystem_mount_info").get(List.of("/dev/vda", "254", "0", "/")));
        assertEquals(1.0, SinkValues.samples(sink, "node_filesystem_mount_info")
                .get(List.of("/dev/sda1", "8", "1", "/media/my disk")));

        Map<List<String>, Double> ro = SinkValues.samples(sink, "node_filesystem_readonly");
        assertEquals(0.0, ro.get(root));
        assertEquals(1.0, ro.get(List.of("tools", "/mnt/ro", "tmpfs", "")));
        assertEquals(1.0, ro.get(List.of("/dev/sdb1", "/data", "xfs", "")), "the first /data line, emergency_ro, wins");
        // A failed statfs gives only device_error and readonly, as node_exporter does.
        List<String> nfs = List.of("server:/export", "/srv/nfs", "nfs4", "permission denied");
        assertEquals(0.0, ro.get(nfs));
        assertFalse(SinkValues.samples(sink, "node_filesystem_size_bytes").containsKey(nfs));
        assertEquals(5, sink.get("node_filesystem_mount_info").size());
    }

    @Test
    void statsThroughTheRootfsPrefix() throws Exception {
        FakeStatfs fake = healthyHost();
        SinkValues.run(collector(hostPaths(), fake, 4, Duration.ofSeconds(5)));
        assertEquals(1, fake.calls("/host"));
        assertEquals(1, fake.calls("/host/media/my disk"));
        assertEquals(0, fake.calls("/host/proc"), "excluded mount points are not stat'ed");
        assertEquals(0, fake.calls("/host/snap/core/1"), "excluded file system types are not stat'ed");
    }

    @Test
    void fallsBackToOwnMountTableAndStripsTheRootfsPrefix(@TempDir Path dir) throws Exception {
        Path self = Files.createDirectories(dir.resolve("proc/self"));
        Files.writeString(self.resolve("mountinfo"),
                "1 0 254:0 / /host rw - ext4 /dev/vda rw\n"
                        + "2 1 8:1 / /host/boot rw - ext4 /dev/sda1 rw\n"
                        + "3 0 0:5 / /etc/hosts rw - ext4 /dev/vdb rw\n");
        HostPaths paths = new HostPaths(dir.resolve("proc"), dir.resolve("sys"), Path.of("/host"), dir);
        FakeStatfs fake = new FakeStatfs();
        fake.results.put("/host", ROOT);
        fake.results.put("/host/boot", SMALL);
        fake.results.put("/host/etc/hosts", SMALL);
        MetricSink sink = SinkValues.run(collector(paths, fake, 2, Duration.ofSeconds(5)));
        assertEquals(Map.of(
                        List.of("/dev/vda", "/", "ext4", ""), 0.0,
                        List.of("/dev/sda1", "/boot", "ext4", ""), 0.0,
                        List.of("/dev/vdb", "/etc/hosts", "ext4", ""), 0.0),
                SinkValues.samples(sink, "node_filesystem_device_error"));
    }

    @Test
    void includeFlagsAndOldFlagNamesWork() throws Exception {
        var c = NodeFixtures.create(FilesystemCollector.SPEC, hostPaths(),
                "--collector.filesystem.mount-points-include=^/(media|data)", "--collector.filesystem.ignored-fs-types=^xfs$");
        assertTrue(c instanceof FilesystemCollector);
        List<FilesystemCollector.Candidate> got = ((FilesystemCollector) c).candidates(
                dev.nodepulse.procfs.proc.MountinfoParser.parse(
                        Files.readString(NodeFixtures.root().resolve("proc/1/mountinfo")), "mountinfo"));
        assertEquals(List.of("/media/my disk"), got.stream().map(FilesystemCollector.Candidate::mountPoint).toList());

        assertThrows(IllegalArgumentException.class, () -> NodeFixtures.create(FilesystemCollector.SPEC, hostPaths(),
                "--collector.filesystem.fs-types-include=ext4", "--collector.filesystem.fs-types-exclude=xfs"));
    }

    @Test
    void malformedMountTableFailsTheCollector(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("proc/1"));
        Files.writeString(dir.resolve("proc/1/mountinfo"), "1 0 254:0 / / rw ext4 /dev/vda rw\n");
        HostPaths paths = new HostPaths(dir.resolve("proc"), dir, dir, dir);
        assertThrows(dev.nodepulse.procfs.ParseException.class,
                () -> SinkValues.run(collector(paths, new FakeStatfs(), 1, Duration.ofSeconds(1))));
        HostPaths none = new HostPaths(dir.resolve("nothing"), dir, dir, dir);
        assertThrows(java.nio.file.NoSuchFileException.class,
                () -> SinkValues.run(collector(none, new FakeStatfs(), 1, Duration.ofSeconds(1))));
    }

    @Test
    void aHungMountNeverStallsAScrapeAndIsNotStatedAgainUntilItReturns() throws Exception {
        FakeStatfs fake = healthyHost();
        CountDownLatch release = new CountDownLatch(1);
        fake.hangs.put("/host/srv/nfs", release);
        Duration timeout = Duration.ofMillis(300);
        FilesystemCollector c = collector(hostPaths(), fake, 2, timeout);
        List<String> stuck = List.of("server:/export", "/srv/nfs", "nfs4", "mountpoint timeout");
        try {
            long t0 = System.nanoTime();
            MetricSink first = SinkValues.run(c);
            long firstMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertTrue(firstMillis < 3000, "first scrape took " + firstMillis + " ms");
            assertEquals(1.0, SinkValues.samples(first, "node_filesystem_device_error").get(stuck));
            assertEquals(0.0, SinkValues.samples(first, "node_filesystem_readonly").get(stuck));
            assertEquals(66052044.0 * 4096, SinkValues.samples(first, "node_filesystem_size_bytes")
                    .get(List.of("/dev/vda", "/", "ext4", "")), "the other mounts are still reported");
            assertEquals(1, fake.calls("/host/srv/nfs"));

            t0 = System.nanoTime();
            MetricSink second = SinkValues.run(c);
            long secondMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertTrue(secondMillis < timeout.toMillis(), "a known stuck mount is not waited for: " + secondMillis + " ms");
            assertEquals(1.0, SinkValues.samples(second, "node_filesystem_device_error").get(stuck));
            assertEquals(1, fake.calls("/host/srv/nfs"), "no second statfs while the first hangs");
            assertEquals(2, fake.calls("/host"), "healthy mounts are stat'ed every scrape");
        } finally {
            release.countDown();
        }
        // Once the hung call returns, the mount is stat'ed again (here it then answers with an error).
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        MetricSink third;
        do {
            third = SinkValues.run(c);
        } while (SinkValues.samples(third, "node_filesystem_device_error").containsKey(stuck)
                && System.nanoTime() < deadline);
        assertEquals(1.0, SinkValues.samples(third, "node_filesystem_device_error")
                .get(List.of("server:/export", "/srv/nfs", "nfs4", "permission denied")));
        assertEquals(2, fake.calls("/host/srv/nfs"));
    }

    @Test
    void hungMountsCostOneThreadEachAndFreeTheirWorkerSlot() throws Exception {
        FakeStatfs fake = healthyHost();
        CountDownLatch release = new CountDownLatch(1);
        for (String p : List.of("/host/srv/nfs", "/host/mnt/ro", "/host/run/user/1000")) {
            fake.hangs.put(p, release);
        }
        int threadsBefore = statfsThreads();
        StatfsWorkers workers = new StatfsWorkers(fake, 1, Duration.ofMillis(200));
        FilesystemCollector c = new FilesystemCollector(hostPaths(),
                new DeviceFilter(null, Pattern.compile(FilesystemCollector.DEFAULT_MOUNT_POINTS_EXCLUDE)),
                new DeviceFilter(null, Pattern.compile(FilesystemCollector.DEFAULT_FS_TYPES_EXCLUDE)), workers);
        try {
            MetricSink first = SinkValues.run(c);
            // With one worker, the three hung mounts time out one after the other, and the rest still run.
            long timedOut = SinkValues.samples(first, "node_filesystem_device_error").keySet().stream()
                    .filter(k -> k.get(3).equals("mountpoint timeout")).count();
            assertEquals(3, timedOut);
            assertEquals(1.0, SinkValues.samples(first, "node_filesystem_mount_info")
                    .get(List.of("/dev/vda", "254", "0", "/")));
            for (int i = 0; i < 5; i++) {
                SinkValues.run(c);
            }
            assertEquals(3, workers.inFlight());
            for (String p : List.of("/host/srv/nfs", "/host/mnt/ro", "/host/run/user/1000")) {
                assertEquals(1, fake.calls(p), p);
            }
            assertEquals(3, threadsInStatfs(), "exactly one blocked thread per stuck mount");
            // Plus the worker, and the idle threads the pool keeps for a minute when a hand-over races.
            int added = statfsThreads() - threadsBefore;
            assertTrue(added <= 3 + 1 + 2, "threads: " + added + " for one worker and three stuck mounts");
        } finally {
            release.countDown();
        }
    }

    private static int threadsInStatfs() {
        return (int) Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().startsWith("statfs-"))
                .filter(e -> java.util.Arrays.stream(e.getValue())
                        .anyMatch(f -> f.getClassName().equals(FakeStatfs.class.getName())))
                .count();
    }

    private static int statfsThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("statfs-") && !t.getName().equals("statfs-watchdog"))
                .count();
    }

}
