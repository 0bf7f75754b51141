package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.agent.collector.DeviceFilter;
import dev.nodepulse.cli.Flag;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.proc.Slabinfo;
import dev.nodepulse.procfs.proc.SlabinfoParser;

/**
 * Kernel slab caches from /proc/slabinfo (node_slabinfo_*, label slab), filtered by name. The file is
 * readable by root only on most systems.
 */
public final class SlabinfoCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("slabinfo", false,
            ctx -> new SlabinfoCollector(ctx.paths(),
                    new DeviceFilter(ctx.pattern("slabs-include"), ctx.pattern("slabs-exclude"))),
            Flag.regex("collector.slabinfo.slabs-include", ".*", "Regexp of slabs to include in slabinfo collector."),
            Flag.regex("collector.slabinfo.slabs-exclude", "", "Regexp of slabs to exclude in slabinfo collector."));

    private final HostPaths paths;
    private final DeviceFilter filter;

    public SlabinfoCollector(HostPaths paths, DeviceFilter filter) {
        this.paths = paths;
        this.filter = filter;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        Slabinfo info;
        try {
            info = SlabinfoParser.parse(SmallFiles.read(paths.proc("slabinfo")));
        } catch (java.io.IOException e) {
            throw new java.io.IOException("couldn't get slabinfo: " + e.getMessage(), e);
        }
        for (Slabinfo.Slab s : info.slabs()) {
            if (filter.ignored(s.name())) {
                continue;
            }
            sink.gauge("node_slabinfo_active_objects", "The number of objects that are currently active (i.e., in use).",
                    "slab").add(s.activeObjects(), s.name());
            sink.gauge("node_slabinfo_objects",
                    "The total number of allocated objects (i.e., objects that are both in use and not in use).",
                    "slab").add(s.objects(), s.name());
            sink.gauge("node_slabinfo_object_size_bytes", "The size of objects in this slab, in bytes.", "slab")
                    .add(s.objectSize(), s.name());
            sink.gauge("node_slabinfo_objects_per_slab", "The number of objects stored in each slab.", "slab")
                    .add(s.objectsPerSlab(), s.name());
            sink.gauge("node_slabinfo_pages_per_slab", "The number of pages allocated for each slab.", "slab")
                    .add(s.pagesPerSlab(), s.name());
        }
    }
}
