package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.proc.CgroupSummary;
import dev.nodepulse.procfs.proc.CgroupSummaryParser;

/** node_exporter's cgroups collector: per controller of /proc/cgroups, its cgroup count and enabled flag. */
public final class CgroupsCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("cgroups", false,
            ctx -> new CgroupsCollector(ctx.paths()));

    private final HostPaths paths;

    public CgroupsCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        CgroupSummary summary = CgroupSummaryParser.parse(SmallFiles.read(paths.proc("cgroups")));
        for (CgroupSummary.Controller c : summary.controllers()) {
            // Both HELP texts are node_exporter's, the second one copied from the first upstream.
            sink.gauge("node_cgroups_cgroups", "Current cgroup number of the subsystem.", "subsys_name")
                    .add(c.cgroups(), c.name());
            sink.gauge("node_cgroups_enabled", "Current cgroup number of the subsystem.", "subsys_name")
                    .add(c.enabled(), c.name());
        }
    }
}
