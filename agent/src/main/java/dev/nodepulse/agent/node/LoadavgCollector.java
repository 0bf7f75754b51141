package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.proc.Loadavg;
import dev.nodepulse.procfs.proc.LoadavgParser;

/** node_load1/5/15 from /proc/loadavg. */
public final class LoadavgCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("loadavg", true, ctx -> new LoadavgCollector(ctx.paths()));

    private final HostPaths paths;

    public LoadavgCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        Loadavg l = LoadavgParser.parse(SmallFiles.read(paths.proc("loadavg")));
        sink.gauge("node_load1", "1m load average.").add(l.load1());
        sink.gauge("node_load5", "5m load average.").add(l.load5());
        sink.gauge("node_load15", "15m load average.").add(l.load15());
    }
}
