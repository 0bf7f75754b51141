package dev.nodepulse.cgroups.stats;

import dev.nodepulse.cgroups.CgroupLayout;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads the accounting files of one cgroup, identified by its path relative to the hierarchy root
 * ("/", "/kubepods.slice/..."). One implementation per cgroup version. Methods return null when the
 * host does not offer that controller for the cgroup, and throw {@link CgroupVanishedException} when the
 * cgroup disappeared while being read.
 */
public abstract class CgroupStatsReader {

    protected final CgroupLayout layout;
    /** Values of the node root the v2 root cgroup lacks: MemTotal/SwapTotal/SwapFree, bytes. */
    protected final RootMemory rootMemory;

    /** Host memory totals from /proc/meminfo the root cgroup needs (v2 root has no memory.current). */
    public interface RootMemory {
        long swapUsedBytes() throws IOException;
    }

    /** The per-walk files, kept open between walks. */
    protected final OpenFiles files;

    protected CgroupStatsReader(CgroupLayout layout, RootMemory rootMemory, OpenFiles files) {
        this.layout = layout;
        this.rootMemory = rootMemory;
        this.files = files;
    }

    public static CgroupStatsReader of(CgroupLayout layout, RootMemory rootMemory, OpenFiles files) {
        return layout.isV2() ? new V2StatsReader(layout, rootMemory, files) : new V1StatsReader(layout, rootMemory, files);
    }

    public OpenFiles files() {
        return files;
    }

    public CgroupLayout layout() {
        return layout;
    }

    /** CPU usage; {@code withCfs} reads the throttling counters too, {@code perCpu} v1's per-CPU usage. */
    public abstract CpuStats cpu(String id, boolean withCfs, boolean perCpu) throws IOException;

    public abstract MemoryStats memory(String id) throws IOException;

    public abstract BlkioStats blkio(String id) throws IOException;

    /** PSI; null on v1 and where the kernel has PSI off. */
    public abstract PressureStats pressure(String id) throws IOException;

    /** {pids.current}; null without the pids controller (pids.max is a limit: see {@link CgroupSpec#pidsLimit}). */
    public abstract long[] pids(String id) throws IOException;

    /** The directory whose cgroup.procs lists the cgroup's own processes (cpu controller, as cAdvisor). */
    public abstract Path procsDir(String id);

    /** Limits and creation time; {@code bootMillis} floors the creation time as cAdvisor does. */
    public abstract CgroupSpec spec(String id, long bootMillis) throws IOException;

    /** Forgets per-cgroup state kept for cgroups not in {@code live}. */
    public void retain(java.util.Set<String> live) {
        files.retain(live);
    }

    /** Whether the cgroup still exists in the hierarchy discovery walks. */
    public boolean exists(String id) {
        return java.nio.file.Files.isDirectory(layout.id(id));
    }

    protected static long creationTime(long bootMillis, Path... paths) {
        long lowest = Long.MAX_VALUE;
        for (Path p : paths) {
            if (p == null) {
                continue;
            }
            try {
                long t = java.nio.file.Files.getLastModifiedTime(p).toMillis();
                lowest = Math.min(lowest, t);
            } catch (IOException ignored) {
                // a controller directory or marker file this cgroup lacks
            }
        }
        if (lowest == Long.MAX_VALUE) {
            return 0;
        }
        return Math.max(lowest, bootMillis);
    }

    protected static long workingSet(long usage, long inactiveFile) {
        if (inactiveFile == MemoryStats.ABSENT) {
            return usage;
        }
        return usage < inactiveFile ? 0 : usage - inactiveFile;
    }

    protected static long get(java.util.Map<String, Long> m, String key) {
        Long v = m.get(key);
        return v == null ? 0 : v;
    }

    protected static long getOrAbsent(java.util.Map<String, Long> m, String key) {
        Long v = m.get(key);
        return v == null ? MemoryStats.ABSENT : v;
    }
}
