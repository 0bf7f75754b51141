package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.metrics.Family;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.proc.Softirqs;
import dev.nodepulse.procfs.proc.SoftirqsParser;

/** Per-CPU softirq counts of /proc/softirqs as node_softirqs_functions_total{cpu,type}. */
public final class SoftirqsCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("softirqs", false,
            ctx -> new SoftirqsCollector(ctx.paths()));

    private final HostPaths paths;

    public SoftirqsCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        Softirqs softirqs;
        try {
            softirqs = SoftirqsParser.parse(SmallFiles.read(paths.proc("softirqs")));
        } catch (java.io.IOException e) {
            throw new java.io.IOException("couldn't get softirqs: " + e.getMessage(), e);
        }
        Family f = sink.counter("node_softirqs_functions_total", "Softirq counts per CPU.", "cpu", "type");
        for (Softirqs.Vector v : softirqs.vectors()) {
            for (int cpu = 0; cpu < v.perCpu().size(); cpu++) {
                f.add(v.perCpu().get(cpu), Integer.toString(cpu), v.name());
            }
        }
    }
}
