package dev.nodepulse.agent.node;

import dev.nodepulse.agent.AgentFlags;
import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorCatalog;
import dev.nodepulse.agent.collector.EnabledCollectors;
import dev.nodepulse.cli.FlagValues;
import dev.nodepulse.metrics.MetricSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds one collector the way the agent does, from its name and command-line flags. */
final class Collectors {

    private Collectors() {}

    static Collector create(FakeHost host, String name, String... flags) throws Exception {
        List<String> args = new ArrayList<>(List.of("--collector.disable-defaults", "--collector." + name));
        args.addAll(List.of(flags));
        FlagValues values = AgentFlags.define().parse(args.toArray(new String[0]));
        Map<String, Collector> c = EnabledCollectors.create(values, host.paths, CollectorCatalog.all());
        return c.get(name);
    }

    /** Runs one update and returns what it produced. */
    static MetricSink scrape(FakeHost host, String name, String... flags) throws Exception {
        MetricSink sink = new MetricSink();
        create(host, name, flags).update(sink);
        return sink;
    }
}
