package dev.nodepulse.agent.cadvisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nodepulse.cgroups.runtime.MetadataResolver;
import dev.nodepulse.cgroups.runtime.RuntimeKind;
import dev.nodepulse.cgroups.runtime.RuntimeStateDirs;
import dev.nodepulse.cgroups.snapshot.CgroupSnapshot;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.http.Exposition;
import dev.nodepulse.metrics.SnapshotMerger;
import dev.nodepulse.metrics.text.MetricFamily;
import dev.nodepulse.metrics.text.Sample;
import dev.nodepulse.metrics.text.TextFormatParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unreadable cgroups, vanished ones, failed walks and unparsable runtime state show on /metrics as counters. */
class CgroupWalkMetricsTest {

    @Test
    void countsWhatEachWalkLeftOut(@TempDir Path rootfs) throws Exception {
        AtomicInteger n = new AtomicInteger();
        ContainerSnapshots snapshots = new ContainerSnapshots(o -> {
            if (n.incrementAndGet() == 3) {
                throw new IOException("cgroupfs unmounted");
            }
            // 2 cgroups could not be read and 1 vanished in each good walk; the walk took 12 ms.
            return new CgroupSnapshot(0, 12_000_000, null, List.of(), List.of(), 1, List.of("/a: EIO", "/b: EIO"));
        }, 10);
        String id = "c".repeat(64);
        Path bundle = Files.createDirectories(rootfs.resolve("run/containerd/io.containerd.runtime.v2.task/k8s.io/" + id));
        Files.writeString(bundle.resolve("config.json"), "{\"annotations\":");
        MetadataResolver metadata = new MetadataResolver(rootfs, RuntimeStateDirs.DEFAULTS);
        metadata.resolve(id, RuntimeKind.CONTAINERD);
        try {
            snapshots.current();
            snapshots.current();
            assertThrows(IOException.class, snapshots::current);
            Map<String, Double> v = render(new CgroupWalkMetrics(snapshots, metadata));
            assertEquals(3, v.get("nodepulse_cgroup_walks_total"), v.toString());
            assertEquals(1, v.get("nodepulse_cgroup_walk_failures_total"));
            assertEquals(4, v.get("nodepulse_cgroup_read_errors_total"));
            assertEquals(2, v.get("nodepulse_cgroup_vanished_total"));
            assertEquals(1, v.get("nodepulse_container_metadata_errors_total"));
            assertEquals(0.012, v.get("nodepulse_cgroup_walk_duration_seconds"), 1e-12);
            assertEquals(0, v.get("nodepulse_cgroup_walk_cgroups"));
            assertEquals(1, metadata.malformedTotal());
        } finally {
            snapshots.close();
        }
    }

    /** Sample name to value, as a scraper reads the Prometheus text the agent serves. */
    private static Map<String, Double> render(CgroupWalkMetrics m) throws Exception {
        MetricSink sink = new MetricSink();
        m.collect(sink);
        String text = Exposition.text(new SnapshotMerger().add(sink.build()).build());
        Map<String, Double> out = new TreeMap<>();
        for (MetricFamily f : TextFormatParser.legacy().parse(text)) {
            for (Sample x : f.samples()) {
                out.put(x.name(), x.value());
            }
        }
        return out;
    }
}
