package dev.nodepulse.agent.node;

import dev.nodepulse.metrics.Family;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A fake host for collector tests: proc/, sys/ and root/ under a temporary directory, files written inline
 * in the kernel's format, and lookups of what a collector put into its sink.
 */
final class HostTree {

    private final Path root;

    HostTree(Path root) {
        this.root = root;
        try {
            Files.createDirectories(root.resolve("proc"));
            Files.createDirectories(root.resolve("sys"));
            Files.createDirectories(root.resolve("root"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HostPaths paths() {
        return new HostPaths(root.resolve("proc"), root.resolve("sys"), root.resolve("root"), root.resolve("udev"));
    }

    Path path(String relative) {
        return root.resolve(relative);
    }

    /** Writes a file under the tree ("proc/net/arp", "sys/class/...") exactly as given. */
    HostTree file(String relative, String content) {
        try {
            Path p = root.resolve(relative);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sysfs attribute: value plus newline. */
    HostTree attr(String relative, String value) {
        return file(relative, value + "\n");
    }

    HostTree link(String relative, String target) {
        try {
            Path p = root.resolve(relative);
            Files.createDirectories(p.getParent());
            Files.createSymbolicLink(p, Path.of(target));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HostTree dir(String relative) {
        try {
            Files.createDirectories(root.resolve(relative));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value of the sample with exactly these label values (in the family's label order), or null. */
    static Double value(MetricSink sink, String family, String... labelValues) {
        Family f = sink.get(family);
        if (f == null) {
            return null;
        }
        for (int i = 0; i < f.size(); i++) {
            if (f.labelValues(i).equals(Arrays.asList(labelValues))) {
                return f.value(i);
            }
        }
        return null;
    }

    /**
     * The value of a sample in a family built whole (one whose series carry different label names, which
     * {@link Family} cannot hold), looked up by its complete label set; null when absent.
     */
    static Double builtValue(MetricSink sink, String family, java.util.Map<String, String> labels) {
        for (io.prometheus.metrics.model.snapshots.MetricSnapshot m : sink.build()) {
            if (!m.getMetadata().getPrometheusName().equals(family)) {
                continue;
            }
            for (io.prometheus.metrics.model.snapshots.DataPointSnapshot p : m.getDataPoints()) {
                io.prometheus.metrics.model.snapshots.Labels l = p.getLabels();
                java.util.Map<String, String> have = new java.util.HashMap<>();
                for (int i = 0; i < l.size(); i++) {
                    have.put(l.getName(i), l.getValue(i));
                }
                if (have.equals(labels) && p instanceof io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot g) {
                    return g.getValue();
                }
            }
        }
        return null;
    }

    /** Every label-value list of a family, in the order added. */
    static List<List<String>> series(MetricSink sink, String family) {
        List<List<String>> out = new ArrayList<>();
        Family f = sink.get(family);
        if (f != null) {
            for (int i = 0; i < f.size(); i++) {
                out.add(f.labelValues(i));
            }
        }
        return out;
    }
}
