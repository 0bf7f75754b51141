package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.proc.Meminfo;
import dev.nodepulse.procfs.proc.MeminfoParser;
import java.util.Set;

/**
 * node_memory_*_bytes from /proc/meminfo. Like node_exporter only the keys its parser knows are published,
 * so a new kernel field does not silently add a family that dashboards and node_exporter lack.
 */
public final class MeminfoCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("meminfo", true, ctx -> new MeminfoCollector(ctx.paths()));

    static final Set<String> KNOWN_KEYS = Set.of(
            "Active", "Active(anon)", "Active(file)", "AnonHugePages", "AnonPages", "Bounce", "Buffers", "Cached",
            "CmaFree", "CmaTotal", "CommitLimit", "Committed_AS", "DirectMap1G", "DirectMap2M", "DirectMap4k",
            "Dirty", "HardwareCorrupted", "Hugepagesize", "Inactive", "Inactive(anon)", "Inactive(file)",
            "KernelStack", "Mapped", "MemAvailable", "MemFree", "MemTotal", "Mlocked", "NFS_Unstable",
            "PageTables", "Percpu", "SReclaimable", "SUnreclaim", "Shmem", "ShmemHugePages", "ShmemPmdMapped",
            "Slab", "SwapCached", "SwapFree", "SwapTotal", "Unevictable", "VmallocChunk", "VmallocTotal",
            "VmallocUsed", "Writeback", "WritebackTmp", "Zswap", "Zswapped",
            "HugePages_Total", "HugePages_Free", "HugePages_Rsvd", "HugePages_Surp");

    private final HostPaths paths;

    public MeminfoCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        Meminfo m = MeminfoParser.parse(SmallFiles.read(paths.proc("meminfo")));
        for (Meminfo.Entry e : m.entries()) {
            if (!KNOWN_KEYS.contains(e.key())) {
                continue;
            }
            String field = metricField(e);
            sink.gauge("node_memory_" + field, "Memory information field " + field + ".").add(e.value());
        }
    }

    /** "Active(anon)" becomes "Active_anon_bytes"; unit-less HugePages counts get no suffix. */
    static String metricField(Meminfo.Entry e) {
        String k = e.key().replace("(", "_").replace(")", "");
        return e.inKilobytes() ? k + "_bytes" : k;
    }
}
