package dev.nodepulse.cgroups.stats;

import dev.nodepulse.cgroups.CgroupLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** cgroup v2: one tree; cpu.stat exists in every cgroup, the other files where their controller is enabled. */
final class V2StatsReader extends CgroupStatsReader {

    /** Cgroup directories by id, built once. */
    private final java.util.Map<String, Path> dirs = new java.util.concurrent.ConcurrentHashMap<>();

    private Path dir(String id) {
        return dirs.computeIfAbsent(id, layout::unifiedDir);
    }

    @Override
    public void retain(java.util.Set<String> live) {
        super.retain(live);
        dirs.keySet().retainAll(live);
    }

    V2StatsReader(CgroupLayout layout, RootMemory rootMemory, OpenFiles files) {
        super(layout, rootMemory, files);
    }

    @Override
    public CpuStats cpu(String id, boolean withCfs, boolean perCpu) throws IOException {
        Path dir = dir(id);
        Map<String, Long> s = KeyValueParser.parse(CgroupFiles.required(files, dir, "cpu.stat", id),
                CgroupFiles.src(dir, "cpu.stat"));
        boolean cfs = withCfs && s.containsKey("nr_periods");
        return new CpuStats(get(s, "usage_usec") * 1000, get(s, "user_usec") * 1000, get(s, "system_usec") * 1000,
                java.util.List.of(), cfs, get(s, "nr_periods"), get(s, "nr_throttled"),
                get(s, "throttled_usec") * 1000, get(s, "nr_bursts"), get(s, "burst_usec") * 1000);
    }

    @Override
    public MemoryStats memory(String id) throws IOException {
        Path dir = dir(id);
        String statText = CgroupFiles.optional(files, dir, "memory.stat", id);
        if (statText == null) {
            if (!Files.isDirectory(dir)) {
                throw new CgroupVanishedException(id);
            }
            return null; // memory controller not enabled here
        }
        Map<String, Long> stat = KeyValueParser.parse(statText, CgroupFiles.src(dir, "memory.stat"));
        boolean root = id.equals("/");
        long usage;
        long swap;
        long maxUsage;
        if (root) {
            // The root cgroup has no memory.current: the kernel's own accounting is anon + file, as runc emulates it.
            usage = get(stat, "anon") + get(stat, "file");
            swap = rootMemory == null ? MemoryStats.ABSENT : rootMemory.swapUsedBytes();
            maxUsage = MemoryStats.ABSENT;
        } else {
            usage = CgroupFiles.requiredLong(files, dir, "memory.current", id);
            swap = CgroupFiles.optionalLong(files, dir, "memory.swap.current", id, MemoryStats.ABSENT);
            maxUsage = CgroupFiles.optionalLong(files, dir, "memory.peak", id, MemoryStats.ABSENT);
        }
        long oomKills = MemoryStats.ABSENT;
        long high = MemoryStats.ABSENT;
        long max = MemoryStats.ABSENT;
        String events = CgroupFiles.optional(files, dir, "memory.events", id);
        if (events != null) {
            Map<String, Long> e = KeyValueParser.parse(events, CgroupFiles.src(dir, "memory.events"));
            oomKills = getOrAbsent(e, "oom_kill");
            high = getOrAbsent(e, "high");
            max = getOrAbsent(e, "max");
        }
        long inactive = getOrAbsent(stat, "inactive_file");
        long active = getOrAbsent(stat, "active_file");
        return new MemoryStats(usage, maxUsage, workingSet(usage, inactive), get(stat, "anon"), get(stat, "file"), swap,
                get(stat, "file_mapped"), getOrAbsent(stat, "kernel"), MemoryStats.ABSENT,
                active == MemoryStats.ABSENT ? 0 : active, inactive == MemoryStats.ABSENT ? 0 : inactive,
                get(stat, "pgfault"), get(stat, "pgmajfault"), oomKills, high, max);
    }

    @Override
    public BlkioStats blkio(String id) throws IOException {
        Path dir = dir(id);
        String s = CgroupFiles.optional(files, dir, "io.stat", id);
        if (s == null) {
            return null;
        }
        return BlkioParser.parseV2(s, CgroupFiles.src(dir, "io.stat"));
    }

    @Override
    public PressureStats pressure(String id) throws IOException {
        Path dir = dir(id);
        Psi cpu = psi(dir, "cpu.pressure", id);
        Psi memory = psi(dir, "memory.pressure", id);
        Psi io = psi(dir, "io.pressure", id);
        PressureStats p = new PressureStats(cpu, memory, io);
        return p.any() ? p : null;
    }

    private Psi psi(Path dir, String file, String id) throws IOException {
        String s = CgroupFiles.optional(files, dir, file, id);
        // PSI files exist but refuse reads (EOPNOTSUPP) when psi=0 or cgroup.pressure is 0.
        return s == null || s.isBlank() ? null : PsiParser.parse(s, CgroupFiles.src(dir, file));
    }

    @Override
    public long[] pids(String id) throws IOException {
        Path dir = dir(id);
        String current = CgroupFiles.optional(files, dir, "pids.current", id);
        if (current == null) {
            return null;
        }
        return new long[] {KeyValueParser.parseSingle(current, CgroupFiles.src(dir, "pids.current"))};
    }

    @Override
    public Path procsDir(String id) {
        return dir(id);
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
