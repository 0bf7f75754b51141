package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorCatalog;
import dev.nodepulse.agent.collector.EnabledCollectors;
import dev.nodepulse.cli.FlagSet;
import dev.nodepulse.metrics.Family;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fake host for collector tests: proc/ and sys/ trees under a temporary directory, written file by file
 * in the kernel's format, and helpers to run collectors on it and read back what they published.
 */
final class FakeHost {

    final Path root;
    final HostPaths paths;

    FakeHost(Path root) throws IOException {
        this.root = root;
        this.paths = new HostPaths(root.resolve("proc"), root.resolve("sys"), root, root.resolve("udev"));
        Files.createDirectories(paths.procfs());
        Files.createDirectories(paths.sysfs());
    }

    FakeHost proc(String rel, String content) throws IOException {
        return write(paths.procfs().resolve(rel), content);
    }

    FakeHost sys(String rel, String content) throws IOException {
        return write(paths.sysfs().resolve(rel), content);
    }

    FakeHost sysDir(String rel) throws IOException {
        Files.createDirectories(paths.sysfs().resolve(rel));
        return this;
    }

    /** A relative symlink inside sys/, as sysfs links class entries to devices. */
    FakeHost sysLink(String rel, String target) throws IOException {
        Path p = paths.sysfs().resolve(rel);
        Files.createDirectories(p.getParent());
        Files.createSymbolicLink(p, Path.of(target));
        return this;
    }

    void deleteProc(String rel) throws IOException {
        Files.delete(paths.procfs().resolve(rel));
    }

    void deleteSys(String rel) throws IOException {
        Files.delete(paths.sysfs().resolve(rel));
    }

    private FakeHost write(Path p, String content) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return this;
    }

    /** The enabled collectors as the agent would build them from this command line. */
    Map<String, Collector> collectors(String... args) throws Exception {
        FlagSet flags = new FlagSet("test");
        EnabledCollectors.defineFlags(flags, CollectorCatalog.all());
        return EnabledCollectors.create(flags.parse(args), paths, CollectorCatalog.all());
    }

    static MetricSink run(Collector c) throws Exception {
        MetricSink sink = new MetricSink();
        c.update(sink);
        return sink;
    }

    /** Every sample of a family, by its label values joined with ","; empty when the family is absent. */
    static Map<String, Double> series(MetricSink sink, String family) {
        Map<String, Double> out = new TreeMap<>();
        Family f = sink.get(family);
        if (f == null) {
            return out;
        }
        for (int i = 0; i < f.size(); i++) {
            out.put(String.join(",", f.labelValues(i)), f.value(i));
        }
        return out;
    }

    /** The label names and HELP of a family, for checks of the published shape. */
    static String shape(MetricSink sink, String family) {
        Family f = sink.get(family);
        return f == null ? null : f.type() + " " + f.labelNames() + " " + f.help();
    }

    static Map<String, Double> map(Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
        }
        return new TreeMap<>(m);
    }

    static List<String> families(MetricSink sink) {
        return sink.families().stream().filter(f -> f.size() > 0).map(Family::name).sorted().toList();
    }
}
