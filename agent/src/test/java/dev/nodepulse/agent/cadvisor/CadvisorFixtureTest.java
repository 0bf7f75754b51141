package dev.nodepulse.agent.cadvisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.nodepulse.cgroups.CgroupLayout;
import dev.nodepulse.cgroups.discovery.CgroupDiscovery;
import dev.nodepulse.cgroups.runtime.MetadataResolver;
import dev.nodepulse.cgroups.runtime.RuntimeStateDirs;
import dev.nodepulse.cgroups.snapshot.CgroupSnapshot;
import dev.nodepulse.cgroups.snapshot.HostMemory;
import dev.nodepulse.cgroups.snapshot.PodSample;
import dev.nodepulse.cgroups.snapshot.ReadOptions;
import dev.nodepulse.cgroups.snapshot.SnapshotReader;
import dev.nodepulse.cgroups.stats.ProcReader;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.machine.BlockDeviceNames;
import dev.nodepulse.procfs.machine.MachineInfoReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The five fixture trees (written by src/test/fixtures/cadvisor_fixtures.py in the kernel's and the runtimes'
 * formats) read and rendered as /metrics/cadvisor, compared with each tree's expected.prom family by family,
 * label set by label set, value by value. expected.prom is computed by the generator from the numbers it wrote,
 * not by this code.
 */
public class CadvisorFixtureTest {

    public static final long MTIME = 1_700_000_000L;
    public static final long BOOT = 1_690_000_000L;
    /** Families the kubelet writes without a sample timestamp. */
    static final Set<String> UNTIMED = Set.of("cadvisor_version_info", "container_scrape_error",
            "container_start_time_seconds", "container_spec_cpu_period", "container_spec_cpu_quota",
            "container_spec_cpu_shares", "container_spec_memory_limit_bytes", "container_spec_memory_swap_limit_bytes",
            "container_spec_memory_reservation_limit_bytes");

    @TempDir
    Path tmp;

    /** Removes the fd links first: JUnit warns about every link pointing outside the temp dir. */
    @org.junit.jupiter.api.AfterEach
    void removeFdLinks() throws IOException {
        try (var paths = Files.walk(tmp)) {
            for (Path p : paths.filter(Files::isSymbolicLink).toList()) {
                Files.delete(p);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1-cgroupfs-containerd", "v1-systemd-containerd", "v2-systemd-containerd",
        "v2-systemd-crio", "v1-cgroupfs-docker"})
    void matchesExpectedFamilyByFamily(String tree) throws Exception {
        Path root = materialize(tree, tmp);
        CgroupSnapshot snap = reader(root).read(ReadOptions.housekeeping());
        assertTrue(snap.errors().isEmpty(), "walk errors: " + snap.errors());
        String body = render(root, snap);
        ExpositionText actual = ExpositionText.parse(body);
        ExpositionText expected = ExpositionText.parse(Files.readString(root.resolve("expected.prom")));

        List<String> diffs = new ArrayList<>();
        Set<String> names = new TreeSet<>(expected.families.keySet());
        names.addAll(actual.families.keySet());
        for (String family : names) {
            Map<String, ExpositionText.Sample> want = expected.families.get(family);
            Map<String, ExpositionText.Sample> got = actual.families.get(family);
            if (want == null) {
                diffs.add("unexpected family " + family + " (" + got.size() + " series)");
                continue;
            }
            if (got == null) {
                diffs.add("missing family " + family);
                continue;
            }
            for (Map.Entry<String, ExpositionText.Sample> e : want.entrySet()) {
                ExpositionText.Sample g = got.get(e.getKey());
                if (g == null) {
                    diffs.add(family + "{" + e.getKey() + "} missing");
                    continue;
                }
                if (!e.getValue().value().equals("*")
                        && Double.parseDouble(e.getValue().value()) != Double.parseDouble(g.value())) {
                    diffs.add(family + "{" + e.getKey() + "} = " + g.value() + ", want " + e.getValue().value());
                }
                boolean timed = !UNTIMED.contains(family) && !family.startsWith("machine_");
                if (timed != (g.timestamp() != null)) {
                    diffs.add(family + "{" + e.getKey() + "} timestamp " + g.timestamp() + ", want "
                            + (timed ? "one" : "none"));
                }
            }
            for (String k : got.keySet()) {
                if (!want.containsKey(k)) {
                    diffs.add(family + "{" + k + "} unexpected");
                }
            }
            if (!actual.types.containsKey(family) || !actual.helps.containsKey(family)) {
                diffs.add(family + " has no TYPE or HELP line");
            }
        }
        if (!diffs.isEmpty()) {
            fail(tree + ": " + diffs.size() + " differences:\n  " + String.join("\n  ", diffs.subList(0,
                    Math.min(60, diffs.size()))));
        }
        // Each tree has pods in two or more QoS classes and the kubelet's sandbox row shape.
        Set<Object> qos = new TreeSet<>();
        for (PodSample p : snap.pods()) {
            qos.add(p.qos().name());
        }
        assertTrue(qos.size() >= 2, "QoS classes " + qos);
        assertEquals(3, snap.pods().size());
    }

    public static SnapshotReader reader(Path root) throws Exception {
        CgroupLayout layout = CgroupLayout.detect(root.resolve("cgroupfs"));
        return new SnapshotReader(layout,
                new CgroupDiscovery(layout.discoveryRoot(), "/", List.of("/system.slice/kubelet.service")),
                new ProcReader(root.resolve("proc")), new MetadataResolver(root.resolve("rootfs"), RuntimeStateDirs.DEFAULTS),
                new HostMemory(root.resolve("proc")), () -> BOOT * 1000, null, 1);
    }

    static String render(Path root, CgroupSnapshot snap) throws IOException {
        HostPaths paths = new HostPaths(root.resolve("proc"), root.resolve("sys"), root.resolve("rootfs"),
                root.resolve("udev"));
        CadvisorExposition e = new CadvisorExposition(new MachineInfoReader(paths).read(), BlockDeviceNames.read(paths),
                true);
        TextBuffer b = e.render(snap, System.currentTimeMillis(), false, 1 << 16);
        return new String(b.toByteArray(), StandardCharsets.UTF_8);
    }

    /** Copies a fixture tree out of the classpath, makes its /proc/<pid>/fd links and fixes every mtime. */
    public static Path materialize(String tree, Path into) throws IOException, URISyntaxException {
        Path src = Path.of(CadvisorFixtureTest.class.getResource("/cadvisor/" + tree + "/expected.prom").toURI()).getParent();
        Path dst = into.resolve(tree);
        Files.walkFileTree(src, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(dst.resolve(src.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, dst.resolve(src.relativize(file).toString()));
                return FileVisitResult.CONTINUE;
            }
        });
        int n = 0;
        for (String line : Files.readAllLines(dst.resolve("fds.txt"))) {
            String[] f = line.split(" ", 2);
            Path fd = dst.resolve("proc").resolve(f[0]).resolve("fd");
            Files.createDirectories(fd);
            Files.createSymbolicLink(fd.resolve(Integer.toString(n++)), Path.of(f[1]));
        }
        FileTime t = FileTime.fromMillis(MTIME * 1000);
        Files.walkFileTree(dst.resolve("cgroupfs"), new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.setLastModifiedTime(file, t);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.setLastModifiedTime(dir, t);
                return FileVisitResult.CONTINUE;
            }
        });
        return dst;
    }
}
