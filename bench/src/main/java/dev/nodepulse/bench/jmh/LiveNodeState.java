package dev.nodepulse.bench.jmh;

import dev.nodepulse.agent.Agent;
import dev.nodepulse.agent.AgentFlags;
import dev.nodepulse.agent.NodeMetrics;
import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorCatalog;
import dev.nodepulse.agent.collector.CollectorRunner;
import dev.nodepulse.agent.collector.EnabledCollectors;
import dev.nodepulse.agent.self.HandlerMetrics;
import dev.nodepulse.agent.self.ProcessMetrics;
import dev.nodepulse.cli.FlagValues;
import dev.nodepulse.metrics.MetricFamilies;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The agent's node surface on this host's live /proc and /sys with its default collectors, as a scrape sees
 * it: every collector merged so far is benchmarked without changes here.
 */
@State(Scope.Benchmark)
public class LiveNodeState {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    Map<String, Collector> collectors;
    CollectorRunner runner;
    NodeMetrics node;
    List<String> names;
    /** One scrape's families, for the encoding benchmarks; and the same as client_java snapshots. */
    MetricFamilies families;
    MetricSnapshots snapshots;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        FlagValues flags = AgentFlags.define().parse(new String[0]);
        collectors = EnabledCollectors.create(flags, Agent.hostPaths(flags), CollectorCatalog.all());
        runner = new CollectorRunner(collectors, 1);
        node = new NodeMetrics(runner, new ProcessMetrics(), new HandlerMetrics());
        names = runner.names();
        families = node.scrape(names, TIMEOUT);
        snapshots = families.toSnapshots();
        int samples = snapshots.stream().mapToInt(s -> s.getDataPoints().size()).sum();
        System.out.println("\n[live node] collectors " + names + ", " + snapshots.size() + " families, " + samples
                + " samples");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        runner.close();
    }
}
