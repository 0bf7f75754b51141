package dev.nodepulse.agent.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nodepulse.metrics.Family;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.metrics.MetricType;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.natives.ErrnoException;
import dev.nodepulse.procfs.natives.Ethtool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ethtool collector on this host's interfaces through the real ioctl. */
class EthtoolLiveTest {

    private static final Path NET = Path.of("/sys/class/net");

    @Test
    void scrapesThisHost() throws Exception {
        assumeTrue(Files.isDirectory(NET), "no /sys/class/net");
        try {
            Ethtool.open().close();
        } catch (IOException e) {
            assumeTrue(false, "no AF_INET socket here: " + e.getMessage());
        }
        MetricSink sink = SinkValues.run(NodeFixtures.create(EthtoolCollector.SPEC, HostPaths.defaults()));

        Map<String, Integer> statistics = new HashMap<>();
        Map<String, String> drivers = new HashMap<>();
        for (Family f : sink.families()) {
            int device = f.labelNames().indexOf("device");
            for (int i = 0; i < f.size(); i++) {
                List<String> labels = f.labelValues(i);
                // lo has none of the operations: skipped without an error, as upstream does
                assertFalse(labels.get(device).equals("lo"), f.name());
                if (f.name().equals("node_ethtool_info")) {
                    drivers.put(labels.get(device), labels.get(f.labelNames().indexOf("driver")));
                } else if (f.type() == MetricType.UNTYPED) {
                    statistics.merge(labels.get(device), 1, Integer::sum);
                }
            }
        }

        int bound = 0;
        try (Ethtool e = Ethtool.open()) {
            for (String dev : interfaces()) {
                Path driver = NET.resolve(dev).resolve("device/driver");
                if (Files.isSymbolicLink(driver) && drivers.containsKey(dev)) {
                    assertEquals(Files.readSymbolicLink(driver).getFileName().toString(), drivers.get(dev), dev);
                    bound++;
                }
                Map<String, Long> stats;
                try {
                    stats = e.stats(dev);
                } catch (ErrnoException x) {
                    assertFalse(statistics.containsKey(dev), dev);
                    continue;
                }
                int published = statistics.getOrDefault(dev, 0);
                assertTrue(published <= stats.size(), dev + ": " + published + " of " + stats.size());
                assertEquals(!stats.isEmpty(), published > 0, dev);
            }
        }
        assumeTrue(bound > 0, "no interface with a bound driver here");
    }

    private static List<String> interfaces() throws IOException {
        try (var s = Files.list(NET)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }
}
