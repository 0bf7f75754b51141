package dev.nodepulse.agent.node;

import dev.nodepulse.agent.AgentFlags;
import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorContext;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.cli.FlagValues;
import dev.nodepulse.metrics.Family;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The fixture tree under src/test/resources/node-fixtures, and helpers to run a collector on it. */
final class NodeFixtures {

    private NodeFixtures() {}

    static Path root() {
        try {
            return Path.of(NodeFixtures.class.getResource("/node-fixtures").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static HostPaths paths() {
        Path r = root();
        return new HostPaths(r.resolve("proc"), r.resolve("sys"), r, r.resolve("udev/data"));
    }

    /** Builds a collector the way the agent does, from command-line flags. */
    static Collector create(CollectorSpec spec, HostPaths paths, String... args) throws Exception {
        FlagValues flags = AgentFlags.define().parse(args);
        return spec.factory().create(new CollectorContext(spec.name(), paths, flags, Set.of(spec.name())));
    }

    static MetricSink scrape(Collector c) throws Exception {
        MetricSink sink = new MetricSink();
        c.update(sink);
        return sink;
    }

    /** A family's samples as "labelvalue,labelvalue -> value", for compact assertions; empty when absent. */
    static Map<List<String>, Double> samples(MetricSink sink, String family) {
        Map<List<String>, Double> out = new HashMap<>();
        Family f = sink.get(family);
        if (f == null) {
            return out;
        }
        for (int i = 0; i < f.size(); i++) {
            out.put(f.labelValues(i), f.value(i));
        }
        return out;
    }

    /** Names of the families that received at least one sample. */
    static List<String> nonEmptyFamilies(MetricSink sink) {
        List<String> out = new ArrayList<>();
        for (Family f : sink.families()) {
            if (f.size() > 0) {
                out.add(f.name());
            }
        }
        out.sort(null);
        return out;
    }
}
