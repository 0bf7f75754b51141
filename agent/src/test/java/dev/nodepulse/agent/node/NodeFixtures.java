package dev.nodepulse.agent.node;

import dev.nodepulse.agent.AgentFlags;
import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorContext;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.cli.FlagValues;
import dev.nodepulse.procfs.HostPaths;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;

/** The fixture tree under src/test/resources/node-fixtures, and collectors built on it from flags. */
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
}
