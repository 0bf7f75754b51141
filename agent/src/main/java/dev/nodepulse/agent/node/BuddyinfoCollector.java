package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.metrics.Family;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.proc.Buddyinfo;
import dev.nodepulse.procfs.proc.BuddyinfoParser;

/** Free memory blocks per order from /proc/buddyinfo (node_buddyinfo_blocks{node,zone,size}). */
public final class BuddyinfoCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("buddyinfo", false,
            ctx -> new BuddyinfoCollector(ctx.paths()));

    private final HostPaths paths;

    public BuddyinfoCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        Buddyinfo info;
        try {
            info = BuddyinfoParser.parse(SmallFiles.read(paths.proc("buddyinfo")));
        } catch (java.io.IOException e) {
            throw new java.io.IOException("couldn't get buddyinfo: " + e.getMessage(), e);
        }
        Family f = sink.gauge("node_buddyinfo_blocks", "Count of free blocks according to size.", "node", "zone", "size");
        for (Buddyinfo.Zone z : info.zones()) {
            for (int order = 0; order < z.freeBlocks().size(); order++) {
                f.add(z.freeBlocks().get(order), z.node(), z.zone(), Integer.toString(order));
            }
        }
    }
}
