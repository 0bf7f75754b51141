package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.metrics.MetricType;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.proc.Zoneinfo;
import dev.nodepulse.procfs.proc.ZoneinfoParser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Per-zone memory statistics of /proc/zoneinfo (node_zoneinfo_*, labels node and zone). */
public final class ZoneinfoCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("zoneinfo", false,
            ctx -> new ZoneinfoCollector(ctx.paths()));

    private record Field(String metric, String help, MetricType type) {}

    /** The zoneinfo keys node_exporter reads (through the procfs library), by key as the kernel prints it. */
    private static final Map<String, Field> FIELDS = new LinkedHashMap<>();

    static {
        gauge("nr_free_pages", "nr_free_pages", "Total number of free pages in the zone");
        gauge("min", "min_pages", "Zone watermark pages_min");
        gauge("low", "low_pages", "Zone watermark pages_low");
        gauge("high", "high_pages", "Zone watermark pages_high");
        gauge("scanned", "scanned_pages", "Pages scanned since last reclaim");
        gauge("spanned", "spanned_pages", "Total pages spanned by the zone, including holes");
        gauge("present", "present_pages", "Physical pages existing within the zone");
        gauge("managed", "managed_pages", "Present pages managed by the buddy system");
        gauge("nr_active_anon", "nr_active_anon_pages", "Number of anonymous pages recently more used");
        gauge("nr_inactive_anon", "nr_inactive_anon_pages", "Number of anonymous pages recently less used");
        gauge("nr_isolated_anon", "nr_isolated_anon_pages", "Temporary isolated pages from anon lru");
        gauge("nr_anon_pages", "nr_anon_pages", "Number of anonymous pages currently used by the system");
        gauge("nr_anon_transparent_hugepages", "nr_anon_transparent_hugepages",
                "Number of anonymous transparent huge pages currently used by the system");
        gauge("nr_active_file", "nr_active_file_pages", "Number of active pages with file-backing");
        gauge("nr_inactive_file", "nr_inactive_file_pages", "Number of inactive pages with file-backing");
        gauge("nr_isolated_file", "nr_isolated_file_pages", "Temporary isolated pages from file lru");
        gauge("nr_file_pages", "nr_file_pages", "Number of file pages");
        gauge("nr_slab_reclaimable", "nr_slab_reclaimable_pages", "Number of reclaimable slab pages");
        gauge("nr_slab_unreclaimable", "nr_slab_unreclaimable_pages", "Number of unreclaimable slab pages");
        gauge("nr_mlock_stack", "nr_mlock_stack_pages", "mlock()ed pages found and moved off LRU");
        gauge("nr_kernel_stack", "nr_kernel_stacks", "Number of kernel stacks");
        gauge("nr_mapped", "nr_mapped_pages", "Number of mapped pages");
        gauge("nr_dirty", "nr_dirty_pages", "Number of dirty pages");
        gauge("nr_writeback", "nr_writeback_pages", "Number of writeback pages");
        gauge("nr_unevictable", "nr_unevictable_pages", "Number of unevictable pages");
        gauge("nr_shmem", "nr_shmem_pages", "Number of shmem pages (included tmpfs/GEM pages)");
        counter("nr_dirtied", "nr_dirtied_total", "Page dirtyings since bootup");
        counter("nr_written", "nr_written_total", "Page writings since bootup");
        counter("numa_hit", "numa_hit_total", "Allocated in intended node");
        counter("numa_miss", "numa_miss_total", "Allocated in non intended node");
        counter("numa_foreign", "numa_foreign_total", "Was intended here, hit elsewhere");
        counter("numa_interleave", "numa_interleave_total", "Interleaver preferred this zone");
        counter("numa_local", "numa_local_total", "Allocation from local node");
        counter("numa_other", "numa_other_total", "Allocation from other node");
    }

    private static void gauge(String key, String metric, String help) {
        FIELDS.put(key, new Field("node_zoneinfo_" + metric, help, MetricType.GAUGE));
    }

    private static void counter(String key, String metric, String help) {
        FIELDS.put(key, new Field("node_zoneinfo_" + metric, help, MetricType.COUNTER));
    }

    private final HostPaths paths;

    public ZoneinfoCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        Zoneinfo info;
        try {
            info = ZoneinfoParser.parse(SmallFiles.read(paths.proc("zoneinfo")));
        } catch (java.io.IOException e) {
            throw new java.io.IOException("couldn't get zoneinfo: " + e.getMessage(), e);
        }
        for (Zoneinfo.Zone z : info.zones()) {
            for (Map.Entry<String, Long> v : z.values().entrySet()) {
                Field f = FIELDS.get(v.getKey());
                if (f != null) {
                    sink.family(f.metric(), f.help(), f.type(), "node", "zone").add(v.getValue(), z.node(), z.zone());
                }
            }
            List<Long> protection = z.protection();
            for (int i = 0; i < protection.size(); i++) {
                sink.gauge("node_zoneinfo_protection_" + i, "Protection array " + i + ". field", "node", "zone")
                        .add(protection.get(i), z.node(), z.zone());
            }
        }
    }
}
