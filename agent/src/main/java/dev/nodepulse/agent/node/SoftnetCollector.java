package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.metrics.Family;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.proc.SoftnetParser;
import dev.nodepulse.procfs.proc.SoftnetStat;
import java.io.IOException;

/** Per-CPU packet processing statistics from /proc/net/softnet_stat. */
public final class SoftnetCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("softnet", true,
            ctx -> new SoftnetCollector(ctx.paths()));

    private final HostPaths paths;

    public SoftnetCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        java.util.List<SoftnetStat> stats;
        try {
            stats = SoftnetParser.parse(SmallFiles.read(paths.proc("net/softnet_stat")));
        } catch (IOException e) {
            throw new IOException("could not get softnet statistics: " + e.getMessage(), e);
        }
        Family processed = sink.counter("node_softnet_processed_total", "Number of processed packets", "cpu");
        Family dropped = sink.counter("node_softnet_dropped_total", "Number of dropped packets", "cpu");
        Family squeezed = sink.counter("node_softnet_times_squeezed_total",
                "Number of times processing packets ran out of quota", "cpu");
        Family collision = sink.counter("node_softnet_cpu_collision_total",
                "Number of collision occur while obtaining device lock while transmitting", "cpu");
        Family rps = sink.counter("node_softnet_received_rps_total", "Number of times cpu woken up received_rps",
                "cpu");
        Family flowLimit = sink.counter("node_softnet_flow_limit_count_total",
                "Number of times flow limit has been reached", "cpu");
        Family backlog = sink.gauge("node_softnet_backlog_len", "Softnet backlog status", "cpu");
        for (SoftnetStat s : stats) {
            String cpu = Long.toString(s.cpu());
            processed.add(s.processed(), cpu);
            dropped.add(s.dropped(), cpu);
            squeezed.add(s.timeSqueezed(), cpu);
            collision.add(s.cpuCollision(), cpu);
            rps.add(s.receivedRps(), cpu);
            flowLimit.add(s.flowLimitCount(), cpu);
            backlog.add(s.backlogLen(), cpu);
        }
    }
}
