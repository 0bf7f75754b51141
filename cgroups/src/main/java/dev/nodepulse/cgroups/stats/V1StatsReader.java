package dev.nodepulse.cgroups.stats;

import dev.nodepulse.cgroups.CgroupLayout;
import dev.nodepulse.procfs.io.Lines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** cgroup v1: one directory per controller. */
final class V1StatsReader extends CgroupStatsReader {

    /** cpuacct.stat is in USER_HZ ticks; the kernel's USER_HZ is 100 on every architecture Kubernetes runs on. */
    private static final long NANOS_PER_TICK = 1_000_000_000L / 100;

    /** The blkio file groups in the order cAdvisor's reader tries them; the first whose first file has data wins. */
    private static final String[][] BLKIO_GROUPS = {
        {"blkio.bfq.sectors_recursive", "blkio.bfq.io_service_time_recursive", "blkio.bfq.io_wait_time_recursive",
            "blkio.bfq.io_merged_recursive", "blkio.bfq.io_queued_recursive", "blkio.bfq.time_recursive",
            "blkio.bfq.io_serviced_recursive", "blkio.bfq.io_service_bytes_recursive"},
        {"blkio.bfq.io_serviced_recursive", "blkio.bfq.io_service_bytes_recursive"},
        {"blkio.sectors_recursive", "blkio.io_service_time_recursive", "blkio.io_wait_time_recursive",
            "blkio.io_merged_recursive", "blkio.io_queued_recursive", "blkio.time_recursive",
            "blkio.io_serviced_recursive", "blkio.io_service_bytes_recursive"},
        {"blkio.throttle.io_serviced_recursive", "blkio.throttle.io_service_bytes_recursive"},
        {"blkio.throttle.io_serviced", "blkio.throttle.io_service_bytes"},
    };

    /** Which groups' first file this kernel offers at all (decided once: it depends on the kernel, not the cgroup). */
    private final boolean[] blkioGroupPresent = new boolean[BLKIO_GROUPS.length];
    /** memory.use_hierarchy per cgroup; it cannot change once the cgroup has children, so it is read once. */
    private final Map<String, Boolean> useHierarchy = new ConcurrentHashMap<>();

    private static final List<String> DIR_CONTROLLERS = List.of("cpu", "cpuacct", "memory", "blkio", "pids");
    /** Controller directories per cgroup id, built once: path building is a visible part of a walk's cost. */
    private final Map<String, Path[]> dirs = new ConcurrentHashMap<>();

    private Path dir(String controller, String id) {
        int i = DIR_CONTROLLERS.indexOf(controller);
        if (i < 0) {
            return layout.dir(controller, id);
        }
        Path[] d = dirs.computeIfAbsent(id, k -> {
            Path[] a = new Path[DIR_CONTROLLERS.size()];
            for (int c = 0; c < a.length; c++) {
                a[c] = layout.dir(DIR_CONTROLLERS.get(c), k);
            }
            return a;
        });
        return d[i];
    }

    V1StatsReader(CgroupLayout layout, RootMemory rootMemory, OpenFiles files) {
        super(layout, rootMemory, files);
        Path blkioRoot = layout.dir("blkio", "/");
        for (int g = 0; g < BLKIO_GROUPS.length; g++) {
            blkioGroupPresent[g] = blkioRoot != null && Files.exists(blkioRoot.resolve(BLKIO_GROUPS[g][0]));
        }
    }

    /**
     * Runs a read of one controller's files. A cgroup may exist in some v1 hierarchies and not in others (it is
     * created per controller); a missing directory there means "no such controller for this cgroup", and only a
     * cgroup gone from the hierarchy discovery walks means it vanished.
     */
    private <T> T controller(String id, IoSupplier<T> read) throws IOException {
        try {
            return read.get();
        } catch (CgroupVanishedException e) {
            if (exists(id)) {
                return null;
            }
            throw e;
        }
    }

    @FunctionalInterface
    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    @Override
    public void retain(java.util.Set<String> live) {
        super.retain(live);
        useHierarchy.keySet().retainAll(live);
        dirs.keySet().retainAll(live);
    }

    @Override
    public CpuStats cpu(String id, boolean withCfs, boolean perCpu) throws IOException {
        return controller(id, () -> readCpu(id, withCfs, perCpu));
    }

    private CpuStats readCpu(String id, boolean withCfs, boolean perCpu) throws IOException {
        Path acct = dir("cpuacct", id);
        if (acct == null) {
            return null;
        }
        long usage = CgroupFiles.requiredLong(files, acct, "cpuacct.usage", id);
        Map<String, Long> stat = KeyValueParser.parse(CgroupFiles.required(files, acct, "cpuacct.stat", id),
                CgroupFiles.src(acct, "cpuacct.stat"));
        List<Long> percpu = List.of();
        if (perCpu) {
            String s = CgroupFiles.optional(files, acct, "cpuacct.usage_percpu", id);
            if (s != null) {
                List<Long> values = new ArrayList<>();
                for (String f : Lines.fields(s)) {
                    values.add(KeyValueParser.parseSingle(f, CgroupFiles.src(acct, "cpuacct.usage_percpu")));
                }
                percpu = values;
            }
        }
        Map<String, Long> cfs = Map.of();
        Path cpuDir = dir("cpu", id);
        if (withCfs && cpuDir != null) {
            String s = CgroupFiles.optional(files, cpuDir, "cpu.stat", id);
            if (s != null) {
                cfs = KeyValueParser.parse(s, CgroupFiles.src(cpuDir, "cpu.stat"));
            }
        }
        return new CpuStats(usage, get(stat, "user") * NANOS_PER_TICK, get(stat, "system") * NANOS_PER_TICK, percpu,
                !cfs.isEmpty(), get(cfs, "nr_periods"), get(cfs, "nr_throttled"), get(cfs, "throttled_time"),
                get(cfs, "nr_bursts"), get(cfs, "burst_time"));
    }

    @Override
    public MemoryStats memory(String id) throws IOException {
        return controller(id, () -> readMemory(id));
    }

    private MemoryStats readMemory(String id) throws IOException {
        Path dir = dir("memory", id);
        if (dir == null) {
            return null;
        }
        long usage = CgroupFiles.requiredLong(files, dir, "memory.usage_in_bytes", id);
        Map<String, Long> stat = KeyValueParser.parse(CgroupFiles.required(files, dir, "memory.stat", id),
                CgroupFiles.src(dir, "memory.stat"));
        long maxUsage = CgroupFiles.optionalLong(files, dir, "memory.max_usage_in_bytes", id, MemoryStats.ABSENT);
        long failcnt = CgroupFiles.optionalLong(files, dir, "memory.failcnt", id, MemoryStats.ABSENT);
        long kmem = CgroupFiles.optionalLong(files, dir, "memory.kmem.usage_in_bytes", id, 0);
        long oomKills = MemoryStats.ABSENT;
        String oom = CgroupFiles.optional(files, dir, "memory.oom_control", id);
        if (oom != null) {
            oomKills = getOrAbsent(KeyValueParser.parse(oom, CgroupFiles.src(dir, "memory.oom_control")), "oom_kill");
        }
        boolean hier = useHierarchy.computeIfAbsent(id, k -> !"0".equals(
                String.valueOf(CgroupFiles.optional(dir, "memory.use_hierarchy")).strip()));
        String p = hier ? "total_" : "";
        long inactive = getOrAbsent(stat, "total_inactive_file");
        long active = getOrAbsent(stat, "total_active_file");
        return new MemoryStats(usage, maxUsage, workingSet(usage, inactive), get(stat, p + "rss"), get(stat, p + "cache"),
                get(stat, p + "swap"), get(stat, p + "mapped_file"), kmem, failcnt,
                active == MemoryStats.ABSENT ? 0 : active, inactive == MemoryStats.ABSENT ? 0 : inactive,
                get(stat, "pgfault"), get(stat, "pgmajfault"), oomKills, MemoryStats.ABSENT, MemoryStats.ABSENT);
    }

    @Override
    public BlkioStats blkio(String id) throws IOException {
        return controller(id, () -> readBlkio(id));
    }

    private BlkioStats readBlkio(String id) throws IOException {
        Path dir = dir("blkio", id);
        if (dir == null) {
            return null;
        }
        for (int g = 0; g < BLKIO_GROUPS.length; g++) {
            if (!blkioGroupPresent[g]) {
                continue;
            }
            String[] group = BLKIO_GROUPS[g];
            String first = CgroupFiles.optional(files, dir, group[0], id);
            if (first == null) {
                if (!Files.isDirectory(dir)) {
                    throw new CgroupVanishedException(id);
                }
                continue;
            }
            List<BlkioEntry> firstEntries = BlkioParser.parseV1(first, CgroupFiles.src(dir, group[0]));
            if (firstEntries.isEmpty()) {
                continue;
            }
            Map<String, List<BlkioEntry>> byFile = new java.util.HashMap<>();
            byFile.put(group[0], firstEntries);
            for (int i = 1; i < group.length; i++) {
                String s = CgroupFiles.optional(files, dir, group[i], id);
                byFile.put(group[i], s == null ? List.of() : BlkioParser.parseV1(s, CgroupFiles.src(dir, group[i])));
            }
            return new BlkioStats(
                    pick(byFile, "io_service_bytes"), pick(byFile, "io_serviced"), pick(byFile, "io_queued"),
                    pick(byFile, "sectors"), pick(byFile, "io_service_time"), pick(byFile, "io_wait_time"),
                    pick(byFile, "io_merged"), pick(byFile, ".time_recursive"),
                    List.of(), List.of(), List.of(), List.of());
        }
        return BlkioStats.EMPTY;
    }

    /** The table of a group whose file name contains {@code table} (group file names differ by prefix only). */
    private static List<BlkioEntry> pick(Map<String, List<BlkioEntry>> byFile, String table) {
        for (Map.Entry<String, List<BlkioEntry>> e : byFile.entrySet()) {
            String name = e.getKey();
            boolean match = table.startsWith(".") ? name.endsWith(table)
                    : name.contains("." + table + "_recursive") || name.endsWith("." + table);
            if (match) {
                return e.getValue();
            }
        }
        return List.of();
    }

    @Override
    public PressureStats pressure(String id) {
        return null;
    }

    @Override
    public long[] pids(String id) throws IOException {
        return controller(id, () -> readPids(id));
    }

    private long[] readPids(String id) throws IOException {
        Path dir = dir("pids", id);
        if (dir == null || id.equals("/")) {
            return null;
        }
        return new long[] {CgroupFiles.requiredLong(files, dir, "pids.current", id)};
    }

    @Override
    public Path procsDir(String id) {
        Path cpu = dir("cpu", id);
        return cpu != null ? cpu : layout.id(id);
    }

    @Override
    public CgroupSpec spec(String id, long bootMillis) throws IOException {
        List<Path> marks = new ArrayList<>();
        for (String c : layout.controllers().keySet()) {
            Path d = layout.dir(c, id);
            if (Files.isDirectory(d)) {
                marks.add(d);
                marks.add(d.resolve("cgroup.clone_children"));
            }
        }
        long created = creationTime(bootMillis, marks.toArray(new Path[0]));
        Path cpu = layout.dir("cpu", id);
        boolean hasCpu = cpu != null && Files.isDirectory(cpu);
        long shares = 0;
        long period = 0;
        long quota = -1;
        if (hasCpu) {
            shares = CgroupFiles.optionalLong(cpu, "cpu.shares", 0);
            period = CgroupFiles.optionalLong(cpu, "cpu.cfs_period_us", 0);
            quota = CgroupFiles.optionalLong(cpu, "cpu.cfs_quota_us", -1);
        }
        Path mem = layout.dir("memory", id);
        boolean hasMemory = mem != null && Files.isDirectory(mem);
        long limit = 0;
        long swap = 0;
        long reservation = 0;
        if (hasMemory) {
            limit = CgroupFiles.optionalLong(mem, "memory.limit_in_bytes", 0);
            swap = CgroupFiles.optionalLong(mem, "memory.memsw.limit_in_bytes", 0);
            reservation = CgroupFiles.optionalLong(mem, "memory.soft_limit_in_bytes", 0);
        }
        Path pids = layout.dir("pids", id);
        boolean hasPids = pids != null && Files.isDirectory(pids) && !id.equals("/");
        long pidsMax = hasPids ? CgroupFiles.optionalLong(pids, "pids.max", CgroupSpec.UNLIMITED) : 0;
        if (!hasCpu && !hasMemory && !Files.isDirectory(layout.id(id))) {
            throw new CgroupVanishedException(id);
        }
        return new CgroupSpec(hasCpu, shares, period, quota, hasMemory, limit, swap, reservation, hasPids, pidsMax,
                created);
    }
}
