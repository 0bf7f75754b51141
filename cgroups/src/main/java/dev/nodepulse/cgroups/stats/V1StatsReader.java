package dev.nodepulse.cgroups.stats;

import dev.nodepulse.cgroups.CgroupLayout;
import dev.nodepulse.procfs.io.Lines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

    /** The tables of {@link BlkioStats} a group's files fill, in the record's order (the io.cost ones are v2's). */
    private static final String[] BLKIO_TABLES = {"io_service_bytes", "io_serviced", "io_queued", "sectors",
        "io_service_time", "io_wait_time", "io_merged", ".time_recursive"};
    /** For each group and table: the index of the group's file holding that table, or -1. */
    private static final int[][] BLKIO_TABLE_FILE = tableFiles();

    /** Which groups' first file this kernel offers at all (decided once: it depends on the kernel, not the cgroup). */
    private final boolean[] blkioGroupPresent = new boolean[BLKIO_GROUPS.length];

    /** Controllers whose directories {@link Cgroup#dirs} holds, by these indexes. */
    private static final String[] DIR_CONTROLLERS = {"cpu", "cpuacct", "memory", "blkio", "pids"};
    private static final int CPU = 0;
    private static final int CPUACCT = 1;
    private static final int MEMORY = 2;
    private static final int BLKIO = 3;
    private static final int PIDS = 4;

    private static final KeyValueParser.Keys CPUACCT_STAT = new KeyValueParser.Keys("user", "system");
    private static final KeyValueParser.Keys CPU_STAT = new KeyValueParser.Keys("nr_periods", "nr_throttled",
            "throttled_time", "nr_bursts", "burst_time");
    /** memory.stat keys; the four in the middle are the hierarchical totals where use_hierarchy is on. */
    private static final KeyValueParser.Keys MEMORY_STAT_TOTAL = new KeyValueParser.Keys("total_inactive_file",
            "total_active_file", "total_rss", "total_cache", "total_swap", "total_mapped_file", "pgfault", "pgmajfault");
    private static final KeyValueParser.Keys MEMORY_STAT_OWN = new KeyValueParser.Keys("total_inactive_file",
            "total_active_file", "rss", "cache", "swap", "mapped_file", "pgfault", "pgmajfault");
    private static final KeyValueParser.Keys OOM_CONTROL = new KeyValueParser.Keys("oom_kill");

    V1StatsReader(CgroupLayout layout, RootMemory rootMemory, OpenFiles files) {
        super(layout, rootMemory, files);
        Path blkioRoot = layout.dir("blkio", "/");
        for (int g = 0; g < BLKIO_GROUPS.length; g++) {
            blkioGroupPresent[g] = blkioRoot != null && Files.exists(blkioRoot.resolve(BLKIO_GROUPS[g][0]));
        }
    }

    private static int[][] tableFiles() {
        int[][] out = new int[BLKIO_GROUPS.length][BLKIO_TABLES.length];
        for (int g = 0; g < BLKIO_GROUPS.length; g++) {
            for (int t = 0; t < BLKIO_TABLES.length; t++) {
                out[g][t] = -1;
                String table = BLKIO_TABLES[t];
                for (int i = 0; i < BLKIO_GROUPS[g].length; i++) {
                    String name = BLKIO_GROUPS[g][i];
                    boolean match = table.startsWith(".") ? name.endsWith(table)
                            : name.contains("." + table + "_recursive") || name.endsWith("." + table);
                    if (match) {
                        out[g][t] = i;
                        break;
                    }
                }
            }
        }
        return out;
    }

    @Override
    protected Path[] dirs(String id) {
        Path[] a = new Path[DIR_CONTROLLERS.length];
        for (int c = 0; c < a.length; c++) {
            a[c] = layout.dir(DIR_CONTROLLERS[c], id);
        }
        return a;
    }

    /**
     * A cgroup may exist in some v1 hierarchies and not in others (it is created per controller); a missing
     * directory there means "no such controller for this cgroup", and only a cgroup gone from the hierarchy
     * discovery walks means it vanished.
     */
    private <T> T absentController(Cgroup c, CgroupVanishedException e) throws CgroupVanishedException {
        if (exists(c.id)) {
            return null;
        }
        throw e;
    }

    @Override
    public CpuStats cpu(Cgroup c, boolean withCfs, boolean perCpu) throws IOException {
        try {
            return readCpu(c, withCfs, perCpu);
        } catch (CgroupVanishedException e) {
            return absentController(c, e);
        }
    }

    private CpuStats readCpu(Cgroup c, boolean withCfs, boolean perCpu) throws IOException {
        Path acct = c.dirs[CPUACCT];
        if (acct == null) {
            return null;
        }
        long usage = CgroupFiles.requiredLong(c.files, acct, "cpuacct.usage");
        long[] stat = new long[2];
        KeyValueParser.select(CgroupFiles.required(c.files, acct, "cpuacct.stat"), CPUACCT_STAT, stat,
                CgroupFiles.src(acct, "cpuacct.stat"));
        List<Long> percpu = List.of();
        if (perCpu) {
            FileBytes s = CgroupFiles.optional(c.files, acct, "cpuacct.usage_percpu");
            if (s != null) {
                List<Long> values = new ArrayList<>();
                for (String f : Lines.fields(s.toString())) {
                    values.add(KeyValueParser.parseSingle(f, CgroupFiles.src(acct, "cpuacct.usage_percpu")));
                }
                percpu = values;
            }
        }
        long[] cfs = new long[5];
        boolean hasCfs = false;
        Path cpuDir = c.dirs[CPU];
        if (withCfs && cpuDir != null) {
            FileBytes s = CgroupFiles.optional(c.files, cpuDir, "cpu.stat");
            if (s != null) {
                hasCfs = KeyValueParser.select(s, CPU_STAT, cfs, CgroupFiles.src(cpuDir, "cpu.stat")) > 0;
            }
        }
        return new CpuStats(usage, get(stat[0]) * NANOS_PER_TICK, get(stat[1]) * NANOS_PER_TICK, percpu,
                hasCfs, get(cfs[0]), get(cfs[1]), get(cfs[2]), get(cfs[3]), get(cfs[4]));
    }

    @Override
    public MemoryStats memory(Cgroup c) throws IOException {
        try {
            return readMemory(c);
        } catch (CgroupVanishedException e) {
            return absentController(c, e);
        }
    }

    private MemoryStats readMemory(Cgroup c) throws IOException {
        Path dir = c.dirs[MEMORY];
        if (dir == null) {
            return null;
        }
        long usage = CgroupFiles.requiredLong(c.files, dir, "memory.usage_in_bytes");
        if (c.useHierarchy == null) {
            c.useHierarchy = !"0".equals(String.valueOf(CgroupFiles.optional(dir, "memory.use_hierarchy")).strip());
        }
        long[] stat = new long[8];
        KeyValueParser.select(CgroupFiles.required(c.files, dir, "memory.stat"),
                c.useHierarchy ? MEMORY_STAT_TOTAL : MEMORY_STAT_OWN, stat, CgroupFiles.src(dir, "memory.stat"));
        long maxUsage = CgroupFiles.optionalLong(c.files, dir, "memory.max_usage_in_bytes", MemoryStats.ABSENT);
        long failcnt = CgroupFiles.optionalLong(c.files, dir, "memory.failcnt", MemoryStats.ABSENT);
        long kmem = CgroupFiles.optionalLong(c.files, dir, "memory.kmem.usage_in_bytes", 0);
        long oomKills = MemoryStats.ABSENT;
        FileBytes oom = CgroupFiles.optional(c.files, dir, "memory.oom_control");
        if (oom != null) {
            long[] v = new long[1];
            KeyValueParser.select(oom, OOM_CONTROL, v, CgroupFiles.src(dir, "memory.oom_control"));
            oomKills = getOrAbsent(v[0]);
        }
        long inactive = getOrAbsent(stat[0]);
        long active = getOrAbsent(stat[1]);
        return new MemoryStats(usage, maxUsage, workingSet(usage, inactive), get(stat[2]), get(stat[3]),
                get(stat[4]), get(stat[5]), kmem, failcnt,
                active == MemoryStats.ABSENT ? 0 : active, inactive == MemoryStats.ABSENT ? 0 : inactive,
                get(stat[6]), get(stat[7]), oomKills, MemoryStats.ABSENT, MemoryStats.ABSENT);
    }

    @Override
    public BlkioStats blkio(Cgroup c) throws IOException {
        try {
            return readBlkio(c);
        } catch (CgroupVanishedException e) {
            return absentController(c, e);
        }
    }

    private BlkioStats readBlkio(Cgroup c) throws IOException {
        Path dir = c.dirs[BLKIO];
        if (dir == null) {
            return null;
        }
        for (int g = 0; g < BLKIO_GROUPS.length; g++) {
            if (!blkioGroupPresent[g]) {
                continue;
            }
            String[] group = BLKIO_GROUPS[g];
            FileBytes first = CgroupFiles.optional(c.files, dir, group[0]);
            if (first == null) {
                if (!Files.isDirectory(dir)) {
                    throw new CgroupVanishedException(c.id);
                }
                continue;
            }
            List<BlkioEntry> firstEntries = BlkioParser.parseV1(first, CgroupFiles.src(dir, group[0]));
            if (firstEntries.isEmpty()) {
                continue;
            }
            List<List<BlkioEntry>> byFile = new ArrayList<>(group.length);
            byFile.add(firstEntries);
            for (int i = 1; i < group.length; i++) {
                FileBytes s = CgroupFiles.optional(c.files, dir, group[i]);
                byFile.add(s == null ? List.of() : BlkioParser.parseV1(s, CgroupFiles.src(dir, group[i])));
            }
            int[] t = BLKIO_TABLE_FILE[g];
            return new BlkioStats(table(byFile, t[0]), table(byFile, t[1]), table(byFile, t[2]), table(byFile, t[3]),
                    table(byFile, t[4]), table(byFile, t[5]), table(byFile, t[6]), table(byFile, t[7]),
                    List.of(), List.of(), List.of(), List.of());
        }
        return BlkioStats.EMPTY;
    }

    private static List<BlkioEntry> table(List<List<BlkioEntry>> byFile, int file) {
        return file < 0 ? List.of() : byFile.get(file);
    }

    @Override
    public PressureStats pressure(Cgroup c) {
        return null;
    }

    @Override
    public long[] pids(Cgroup c) throws IOException {
        try {
            Path dir = c.dirs[PIDS];
            if (dir == null || c.id.equals("/")) {
                return null;
            }
            return new long[] {CgroupFiles.requiredLong(c.files, dir, "pids.current")};
        } catch (CgroupVanishedException e) {
            return absentController(c, e);
        }
    }

    @Override
    public Path procsDir(Cgroup c) {
        Path cpu = c.dirs[CPU];
        return cpu != null ? cpu : layout.id(c.id);
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
