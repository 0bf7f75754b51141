package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.proc.NetStatTable;
import dev.nodepulse.procfs.proc.NetStatTableParser;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The per-CPU network cache counters of every /proc/net/stat/ file (what lnstat(8) shows), as
 * node_lnstat_&lt;column&gt;_total{subsystem=&lt;file&gt;,cpu=&lt;row&gt;}.
 */
public final class LnstatCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("lnstat", false, ctx -> new LnstatCollector(ctx.paths()));

    private final HostPaths paths;

    public LnstatCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        Path dir = paths.proc("net", "stat");
        for (String name : SmallFiles.list(dir)) {
            if (Files.isDirectory(dir.resolve(name))) {
                continue;
            }
            NetStatTable t;
            try {
                t = NetStatTableParser.parse(name, SmallFiles.read(dir.resolve(name)));
            } catch (java.io.IOException e) {
                throw new java.io.IOException("lnstat error: " + e.getMessage(), e);
            }
            for (NetStatTable.Column c : t.columns()) {
                for (int cpu = 0; cpu < c.perCpu().size(); cpu++) {
                    sink.counter("node_lnstat_" + c.name() + "_total", "linux network cache stats", "subsystem", "cpu")
                            .add(c.perCpu().get(cpu), name, Integer.toString(cpu));
                }
            }
        }
    }
}
