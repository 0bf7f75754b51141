package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.proc.Swaps;
import dev.nodepulse.procfs.proc.SwapsParser;

/** Per swap area from /proc/swaps: size, used (bytes) and priority, labels device and swap_type. */
public final class SwapCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("swap", false, ctx -> new SwapCollector(ctx.paths()));

    private final HostPaths paths;

    public SwapCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        Swaps swaps;
        try {
            swaps = SwapsParser.parse(SmallFiles.read(paths.proc("swaps")));
        } catch (java.io.IOException e) {
            throw new java.io.IOException("couldn't get swap information: couldn't get proc/swap information: "
                    + e.getMessage(), e);
        }
        for (Swaps.Area a : swaps.areas()) {
            sink.gauge("node_swap_size_bytes", "Swap device size in bytes.", "device", "swap_type")
                    .add(a.sizeKib() * 1024.0, a.filename(), a.type());
            sink.gauge("node_swap_used_bytes", "Swap device used in bytes.", "device", "swap_type")
                    .add(a.usedKib() * 1024.0, a.filename(), a.type());
            sink.gauge("node_swap_priority", "Swap device priority.", "device", "swap_type")
                    .add(a.priority(), a.filename(), a.type());
        }
    }
}
