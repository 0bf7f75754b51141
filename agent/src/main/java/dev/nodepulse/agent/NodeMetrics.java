package dev.nodepulse.agent;

import dev.nodepulse.agent.collector.CollectorRunner;
import dev.nodepulse.agent.collector.Outcome;
import dev.nodepulse.agent.cadvisor.CgroupWalkMetrics;
import dev.nodepulse.agent.self.BuildInfo;
import dev.nodepulse.agent.self.HandlerMetrics;
import dev.nodepulse.agent.self.ProcessMetrics;
import dev.nodepulse.log.Log;
import dev.nodepulse.metrics.Family;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.metrics.MetricFamilies;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The node_exporter surface: runs the requested collectors and assembles one exposition with meta-metrics. */
public final class NodeMetrics {

    private static final Log LOG = Log.get(NodeMetrics.class);

    /** A collect[]/exclude[] request node_exporter would answer with 400. */
    public static final class BadRequest extends Exception {
        public BadRequest(String message) {
            super(message);
        }
    }

    private final CollectorRunner runner;
    private final ProcessMetrics process;
    private final HandlerMetrics handler;
    private final CgroupWalkMetrics walk;

    /** @param process null when exporter metrics are disabled (--web.disable-exporter-metrics). */
    public NodeMetrics(CollectorRunner runner, ProcessMetrics process, HandlerMetrics handler) {
        this(runner, process, handler, null);
    }

    /** @param walk the cgroup walk's health, published with the exporter metrics; null when cgroups are off */
    public NodeMetrics(CollectorRunner runner, ProcessMetrics process, HandlerMetrics handler, CgroupWalkMetrics walk) {
        this.runner = runner;
        this.process = process;
        this.handler = handler;
        this.walk = walk;
    }

    public List<String> enabled() {
        return runner.names();
    }

    public HandlerMetrics handlerMetrics() {
        return handler;
    }

    /** Which collectors a request selects, or why it is refused (node_exporter's messages). */
    public List<String> select(List<String> collect, List<String> exclude) throws BadRequest {
        List<String> enabled = runner.names();
        if (!collect.isEmpty() && !exclude.isEmpty()) {
            throw new BadRequest("Couldn't create filtered metrics handler: include and exclude filters are mutually exclusive");
        }
        Set<String> chosen = new LinkedHashSet<>();
        if (!collect.isEmpty()) {
            for (String c : collect) {
                if (!enabled.contains(c)) {
                    throw new BadRequest("Couldn't create filtered metrics handler: missing collector: " + c);
                }
                chosen.add(c);
            }
            return enabled.stream().filter(chosen::contains).toList();
        }
        for (String c : exclude) {
            if (!enabled.contains(c)) {
                throw new BadRequest("Couldn't create filtered metrics handler: missing collector: " + c);
            }
        }
        return enabled.stream().filter(n -> !exclude.contains(n)).toList();
    }

    public MetricFamilies scrape(List<String> collectors, Duration timeout) {
        List<Outcome> outcomes = runner.run(collectors, timeout);
        MetricFamilies.Builder merger = MetricFamilies.builder();
        MetricSink meta = new MetricSink();
        Family duration = meta.gauge("node_scrape_collector_duration_seconds",
                "node_exporter: Duration of a collector scrape.", "collector");
        Family success = meta.gauge("node_scrape_collector_success",
                "node_exporter: Whether a collector succeeded.", "collector");
        for (Outcome o : outcomes) {
            if (o.sink() != null) {
                merger.add(o.sink());
            }
            duration.add(o.seconds(), o.collector());
            success.add(o.success() ? 1 : 0, o.collector());
        }
        BuildInfo.collect(meta);
        if (process != null) {
            try {
                process.collect(meta);
            } catch (Exception e) {
                LOG.warn("reading the agent's own process metrics failed", "err", e.toString());
            }
            merger.add(handler.snapshots());
            if (walk != null) {
                walk.collect(meta);
            }
        }
        merger.add(meta);
        MetricFamilies out = merger.build();
        if (!out.conflicts().isEmpty()) {
            LOG.warn("duplicate series dropped", "series", String.join(", ", out.conflicts()));
        }
        return out;
    }
}
