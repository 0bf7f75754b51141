package dev.nodepulse.cgroups.stats;

import dev.nodepulse.cgroups.CgroupLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
    private final Map<String, Cgroup> cgroups = new ConcurrentHashMap<>();

    /**
     * What the reader keeps of one cgroup between walks: its kept-open files, its directories (built once: path
     * building was a visible part of a walk's cost) and, on v1, memory.use_hierarchy, which cannot change once the
     * cgroup has children. A walk looks a cgroup up once and passes this to every read.
     */
    public static final class Cgroup {
        final String id;
        final OpenFiles.Cgroup files;
        /** Per controller on v1 (null where the controller is not mounted); the one directory on v2. */
        final Path[] dirs;
        Boolean useHierarchy;

        Cgroup(String id, OpenFiles.Cgroup files, Path[] dirs) {
            this.id = id;
            this.files = files;
            this.dirs = dirs;
        }

        public String id() {
            return id;
        }

        public OpenFiles.Cgroup files() {
            return files;
        }
    }

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

    /** The reader's state of cgroup {@code id}, created on first use and kept until {@link #retain} drops it. */
    public Cgroup cgroup(String id) {
        Cgroup c = cgroups.get(id);
        return c != null ? c : cgroups.computeIfAbsent(id, k -> new Cgroup(k, files.cgroup(k), dirs(k)));
    }

    /** The directories of cgroup {@code id} as {@link Cgroup#dirs} holds them. */
    protected abstract Path[] dirs(String id);

    /** CPU usage; {@code withCfs} reads the throttling counters too, {@code perCpu} v1's per-CPU usage. */
    public abstract CpuStats cpu(Cgroup c, boolean withCfs, boolean perCpu) throws IOException;

    public abstract MemoryStats memory(Cgroup c) throws IOException;

    public abstract BlkioStats blkio(Cgroup c) throws IOException;

    /** PSI; null on v1 and where the kernel has PSI off. */
    public abstract PressureStats pressure(Cgroup c) throws IOException;

    /** {pids.current}; null without the pids controller (pids.max is a limit: see {@link CgroupSpec#pidsLimit}). */
    public abstract long[] pids(Cgroup c) throws IOException;

    /** The directory whose cgroup.procs lists the cgroup's own processes (cpu controller, as cAdvisor). */
    public abstract Path procsDir(Cgroup c);

    /** Limits and creation time; {@code bootMillis} floors the creation time as cAdvisor does. */
    public abstract CgroupSpec spec(String id, long bootMillis) throws IOException;

    /** Forgets per-cgroup state kept for cgroups not in {@code live}. */
    public void retain(java.util.Set<String> live) {
        cgroups.keySet().retainAll(live);
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

    /** A value {@link KeyValueParser#select} found, 0 when the file lacked the key. */
    protected static long get(long value) {
        return value == KeyValueParser.MISSING ? 0 : value;
    }

    /** A value {@link KeyValueParser#select} found, {@link MemoryStats#ABSENT} when the file lacked the key. */
    protected static long getOrAbsent(long value) {
        return value == KeyValueParser.MISSING ? MemoryStats.ABSENT : value;
    }
}
