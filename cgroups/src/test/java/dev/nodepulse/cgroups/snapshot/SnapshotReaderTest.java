package dev.nodepulse.cgroups.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.cgroups.CgroupLayout;
import dev.nodepulse.cgroups.discovery.CgroupDiscovery;
import dev.nodepulse.cgroups.discovery.CgroupKind;
import dev.nodepulse.cgroups.runtime.MetadataResolver;
import dev.nodepulse.cgroups.runtime.RuntimeStateDirs;
import dev.nodepulse.cgroups.stats.CgroupStatsReader;
import dev.nodepulse.cgroups.stats.CgroupVanishedException;
import dev.nodepulse.cgroups.stats.OpenFiles;
import dev.nodepulse.cgroups.stats.ProcReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small v2 tree written here: discovery, the kubelet's rows, and cgroups that go away between walks. */
class SnapshotReaderTest {

    static final String C1 = "a".repeat(64);
    static final String C2 = "b".repeat(64);

    @TempDir
    Path tmp;

    private Path cg(String rel, long usageUsec) throws IOException {
        Path d = rel.isEmpty() ? tmp.resolve("cgroupfs") : tmp.resolve("cgroupfs").resolve(rel);
        Files.createDirectories(d);
        Files.writeString(d.resolve("cgroup.controllers"), "cpu memory pids\n");
        Files.writeString(d.resolve("cgroup.procs"), "");
        Files.writeString(d.resolve("cpu.stat"), "usage_usec " + usageUsec + "\nuser_usec 1\nsystem_usec 2\n");
        Files.writeString(d.resolve("memory.stat"), "anon 100\nfile 50\ninactive_file 30\n");
        if (!rel.isEmpty()) {
            Files.writeString(d.resolve("memory.current"), "1000\n");
            Files.writeString(d.resolve("memory.max"), "max\n");
        }
        return d;
    }

    private SnapshotReader reader() throws Exception {
        Files.createDirectories(tmp.resolve("proc"));
        Files.writeString(tmp.resolve("proc/meminfo"), "MemTotal: 1000 kB\nSwapTotal: 0 kB\nSwapFree: 0 kB\n");
        CgroupLayout layout = CgroupLayout.detect(tmp.resolve("cgroupfs"));
        return new SnapshotReader(layout, new CgroupDiscovery(layout.discoveryRoot(), "/", List.of()),
                new ProcReader(tmp.resolve("proc")), new MetadataResolver(tmp.resolve("rootfs"), RuntimeStateDirs.DEFAULTS),
                new HostMemory(tmp.resolve("proc")), () -> 0, null, 1, new OpenFiles(100));
    }

    @Test
    void rowsAndVanishingCgroups() throws Exception {
        cg("", 900);
        cg("kubepods.slice", 800);
        String pod = "kubepods.slice/kubepods-pod11111111_2222_3333_4444_555555555555.slice";
        cg(pod, 700);
        Path c1 = cg(pod + "/cri-containerd-" + C1 + ".scope", 300);
        cg(pod + "/cri-containerd-" + C2 + ".scope", 200);
        SnapshotReader r = reader();
        CgroupSnapshot s = r.read(ReadOptions.housekeeping());
        assertEquals(5, s.samples().size(), s.samples().toString());
        assertTrue(s.errors().isEmpty(), s.errors().toString());
        CgroupSample c = s.byId("/" + pod + "/cri-containerd-" + C1 + ".scope");
        assertEquals(CgroupKind.CONTAINER, c.kind());
        assertEquals(300_000L, c.cpu().usageNanos());
        assertEquals(970L, c.memory().workingSet());
        // No runtime record: the id only, no pod labels, and not counted as a pod's container.
        assertEquals("", c.podName());
        assertEquals("", c.name());
        assertEquals(1, s.pods().size());
        assertEquals("11111111-2222-3333-4444-555555555555", s.pods().get(0).ref().uid());
        assertTrue(s.pods().get(0).containers().isEmpty());

        // A container stops between walks: its row goes away, nothing is an error.
        try (Stream<Path> files = Files.walk(c1)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        CgroupSnapshot s2 = r.read(ReadOptions.scrape());
        assertEquals(4, s2.samples().size());
        assertTrue(s2.errors().isEmpty(), s2.errors().toString());
        assertNull(s2.byId("/" + pod + "/cri-containerd-" + C1 + ".scope"));
        assertNotNull(s2.root());
        // The root row: v2 root usage is anon + file of the root memory.stat.
        assertEquals(150L, s2.root().memory().usage());
        assertEquals(1000L * 1024, s2.root().spec().memoryLimit());
    }

    @Test
    void readingAGoneCgroupSaysVanished() throws Exception {
        cg("", 1);
        CgroupLayout layout = CgroupLayout.detect(tmp.resolve("cgroupfs"));
        CgroupStatsReader stats = CgroupStatsReader.of(layout, () -> 0, new OpenFiles(10));
        assertThrows(CgroupVanishedException.class, () -> stats.cpu(stats.cgroup("/gone"), false, false));
        assertThrows(CgroupVanishedException.class, () -> stats.spec("/gone", 0));
    }

    @Test
    void noCgroupsIsReported() {
        assertThrows(CgroupLayout.NoCgroupsException.class, () -> CgroupLayout.detect(tmp.resolve("nothing")));
    }
}
