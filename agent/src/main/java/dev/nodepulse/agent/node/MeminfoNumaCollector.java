package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.sys.NodeMeminfo;
import dev.nodepulse.procfs.sys.NodeMeminfoParser;
import dev.nodepulse.procfs.sys.Numastat;
import dev.nodepulse.procfs.sys.NumastatParser;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Per-NUMA-node memory from /sys/devices/system/node/node&lt;N&gt;/{meminfo,numastat}: gauges
 * node_memory_numa_&lt;Field&gt; (bytes for kB fields) and counters node_memory_numa_&lt;stat&gt;_total.
 */
public final class MeminfoNumaCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("meminfo_numa", false,
            ctx -> new MeminfoNumaCollector(ctx.paths()));

    private static final Pattern NODE_DIR = Pattern.compile("node[0-9].*");
    private static final Pattern NODE_NUMBER = Pattern.compile("node([0-9]*)");

    private final HostPaths paths;

    public MeminfoNumaCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        Path nodes = paths.sys("devices", "system", "node");
        for (String name : SmallFiles.list(nodes)) {
            if (!NODE_DIR.matcher(name).matches()) {
                continue;
            }
            Path dir = nodes.resolve(name);
            NodeMeminfo meminfo = NodeMeminfoParser.parse(SmallFiles.read(dir.resolve("meminfo")),
                    dir.resolve("meminfo").toString());
            for (NodeMeminfo.Entry e : meminfo.entries()) {
                sink.gauge("node_memory_numa_" + e.field(), "Memory information field " + e.field() + ".", "node")
                        .add(e.value(), e.node());
            }
            Numastat numastat = NumastatParser.parse(SmallFiles.read(dir.resolve("numastat")),
                    dir.resolve("numastat").toString());
            Matcher m = NODE_NUMBER.matcher(name);
            String node = m.lookingAt() ? m.group(1) : "";
            for (Numastat.Counter c : numastat.counters()) {
                String metric = c.name() + "_total";
                sink.counter("node_memory_numa_" + metric, "Memory information field " + metric + ".", "node")
                        .add(c.value(), node);
            }
        }
    }
}
