package dev.nodepulse.cgroups.stats;

import dev.nodepulse.cgroups.CgroupLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** cgroup v2: one tree; cpu.stat exists in every cgroup, the other files where their controller is enabled. */
final class V2StatsReader extends CgroupStatsReader {

    private static final KeyValueParser.Keys CPU_STAT = new KeyValueParser.Keys("usage_usec", "user_usec",
            "system_usec", "nr_periods", "nr_throttled", "throttled_usec", "nr_bursts", "burst_usec");
    private static final KeyValueParser.Keys MEMORY_STAT = new KeyValueParser.Keys("anon", "file", "file_mapped",
            "kernel", "inactive_file", "active_file", "pgfault", "pgmajfault");
    private static final KeyValueParser.Keys MEMORY_EVENTS = new KeyValueParser.Keys("oom_kill", "high", "max");

    V2StatsReader(CgroupLayout layout, RootMemory rootMemory, OpenFiles files) {
        super(layout, rootMemory, files);
    }

    @Override
    protected Path[] dirs(String id) {
        return new Path[] {layout.unifiedDir(id)};
    }

    @Override
    public CpuStats cpu(Cgroup c, boolean withCfs, boolean perCpu) throws IOException {
        Path dir = c.dirs[0];
        long[] s = new long[8];
        KeyValueParser.select(CgroupFiles.required(c.files, dir, "cpu.stat"), CPU_STAT, s,
                CgroupFiles.src(dir, "cpu.stat"));
        boolean cfs = withCfs && s[3] != KeyValueParser.MISSING;
        return new CpuStats(get(s[0]) * 1000, get(s[1]) * 1000, get(s[2]) * 1000, java.util.List.of(), cfs,
                get(s[3]), get(s[4]), get(s[5]) * 1000, get(s[6]), get(s[7]) * 1000);
    }

    @Override
    public MemoryStats memory(Cgroup c) throws IOException {
        Path dir = c.dirs[0];
        FileBytes statText = CgroupFiles.optional(c.files, dir, "memory.stat");
        if (statText == null) {
            if (!Files.isDirectory(dir)) {
                throw new CgroupVanishedException(c.id);
            }
            return null; // memory controller not enabled here
        }
        long[] stat = new long[8];
        KeyValueParser.select(statText, MEMORY_STAT, stat, CgroupFiles.src(dir, "memory.stat"));
        long anon = get(stat[0]);
        long file = get(stat[1]);
        boolean root = c.id.equals("/");
        long usage;
        long swap;
        long maxUsage;
        if (root) {
            // The root cgroup has no memory.current: the kernel's own accounting is anon + file, as runc emulates it.
            usage = anon + file;
            swap = rootMemory == null ? MemoryStats.ABSENT : rootMemory.swapUsedBytes();
            maxUsage = MemoryStats.ABSENT;
        } else {
            usage = CgroupFiles.requiredLong(c.files, dir, "memory.current");
            swap = CgroupFiles.optionalLong(c.files, dir, "memory.swap.current", MemoryStats.ABSENT);
            maxUsage = CgroupFiles.optionalLong(c.files, dir, "memory.peak", MemoryStats.ABSENT);
        }
        long oomKills = MemoryStats.ABSENT;
        long high = MemoryStats.ABSENT;
        long max = MemoryStats.ABSENT;
        FileBytes events = CgroupFiles.optional(c.files, dir, "memory.events");
        if (events != null) {
            long[] e = new long[3];
            KeyValueParser.select(events, MEMORY_EVENTS, e, CgroupFiles.src(dir, "memory.events"));
            oomKills = getOrAbsent(e[0]);
            high = getOrAbsent(e[1]);
            max = getOrAbsent(e[2]);
        }
        long inactive = getOrAbsent(stat[4]);
        long active = getOrAbsent(stat[5]);
        return new MemoryStats(usage, maxUsage, workingSet(usage, inactive), anon, file, swap, get(stat[2]),
                getOrAbsent(stat[3]), MemoryStats.ABSENT, active == MemoryStats.ABSENT ? 0 : active,
                inactive == MemoryStats.ABSENT ? 0 : inactive, get(stat[6]), get(stat[7]), oomKills, high, max);
    }

    @Override
    public BlkioStats blkio(Cgroup c) throws IOException {
        Path dir = c.dirs[0];
        FileBytes s = CgroupFiles.optional(c.files, dir, "io.stat");
        if (s == null) {
            return null;
        }
        return BlkioParser.parseV2(s, CgroupFiles.src(dir, "io.stat"));
    }

    @Override
    public PressureStats pressure(Cgroup c) throws IOException {
        Path dir = c.dirs[0];
        Psi cpu = psi(c, dir, "cpu.pressure");
        Psi memory = psi(c, dir, "memory.pressure");
        Psi io = psi(c, dir, "io.pressure");
        PressureStats p = new PressureStats(cpu, memory, io);
        return p.any() ? p : null;
    }

    private static Psi psi(Cgroup c, Path dir, String file) throws IOException {
        FileBytes s = CgroupFiles.optional(c.files, dir, file);
        // PSI files exist but refuse reads (EOPNOTSUPP) when psi=0 or cgroup.pressure is 0.
        return s == null || s.isBlank() ? null : PsiParser.parse(s, CgroupFiles.src(dir, file));
    }

    @Override
    public long[] pids(Cgroup c) throws IOException {
        Path dir = c.dirs[0];
        FileBytes current = CgroupFiles.optional(c.files, dir, "pids.current");
        if (current == null) {
            return null;
        }
        return new long[] {KeyValueParser.parseSingle(current, CgroupFiles.src(dir, "pids.current"))};
    }

    @Override
    public Path procsDir(Cgroup c) {
        return c.dirs[0];
    }

    @Override
    public CgroupSpec spec(String id, long bootMillis) throws IOException {
        Path dir = layout.unifiedDir(id);
        if (!Files.isDirectory(dir)) {
            throw new CgroupVanishedException(id);
        }
        long created = creationTime(bootMillis, dir, dir.resolve("cgroup.events"));
        long shares = 0;
        long weight = CgroupFiles.optionalLong(dir, "cpu.weight", 0);
        if (weight >= 1 && weight <= 10000) {
            shares = 2 + ((weight - 1) * 262142) / 9999;
        }
        long period = 0;
        long quota = -1;
        String max = CgroupFiles.optional(dir, "cpu.max");
        if (max != null) {
            String[] f = max.strip().split(" ");
            if (f.length == 2) {
                quota = f[0].equals("max") ? -1 : KeyValueParser.parseSingle(f[0], CgroupFiles.src(dir, "cpu.max"));
                period = KeyValueParser.parseSingle(f[1], CgroupFiles.src(dir, "cpu.max"));
            }
        }
        boolean hasMemory = Files.exists(dir.resolve("memory.max"));
        long limit = 0;
        long swap = 0;
        long reservation = 0;
        if (hasMemory) {
            limit = CgroupFiles.optionalLong(dir, "memory.max", 0);
            swap = CgroupFiles.optionalLong(dir, "memory.swap.max", 0);
            reservation = CgroupFiles.optionalLong(dir, "memory.min", 0);
        }
        String pidsMax = CgroupFiles.optional(dir, "pids.max");
        long pids = pidsMax == null ? 0 : KeyValueParser.parseSingle(pidsMax, CgroupFiles.src(dir, "pids.max"));
        // cpu.stat is in every v2 cgroup, so cAdvisor always counts the cpu controller as present.
        return new CgroupSpec(true, shares, period, quota, hasMemory, limit, swap, reservation, pidsMax != null, pids,
                created);
    }
}
