package dev.nodepulse.agent.node;

import dev.nodepulse.metrics.Family;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test helpers: look up one sample in a sink, and write small fixture trees. */
final class SinkValues {

    private SinkValues() {}

    /** The value of the sample with exactly these label values; fails when there is none. */
    static double value(MetricSink sink, String family, String... labels) {
        Family f = sink.get(family);
        if (f == null) {
            throw new AssertionError("no family " + family);
        }
        for (int i = 0; i < f.size(); i++) {
            if (f.labelValues(i).equals(List.of(labels))) {
                return f.value(i);
            }
        }
        throw new AssertionError("no sample " + family + List.of(labels));
    }

    static int size(MetricSink sink, String family) {
        Family f = sink.get(family);
        return f == null ? 0 : f.size();
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    static HostPaths paths(Path root) {
        return new HostPaths(root.resolve("proc"), root.resolve("sys"), root, root.resolve("udev"));
    }
}
