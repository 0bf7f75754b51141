package dev.nodepulse.cgroups;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the host's cgroup hierarchies are mounted under --path.cgroupfs.
 *
 * <p>v2 ("unified"): the root itself is a cgroup2 mount and holds {@code cgroup.controllers}. v1: one
 * directory per controller (or co-mounted, e.g. {@code cpu,cpuacct} with {@code cpu} and {@code cpuacct}
 * links). Hybrid hosts (v1 controllers plus an empty v2 tree at {@code unified/}) are read as v1, as
 * cAdvisor does: the v2 tree there has no controllers to read.
 */
public record CgroupLayout(Version version, boolean hybrid, Path root, Map<String, Path> controllers) {

    public enum Version { V1, V2 }

    /** The v1 controllers the reader uses; missing ones are simply not read. */
    public static final List<String> V1_CONTROLLERS = List.of("cpu", "cpuacct", "memory", "blkio", "pids", "cpuset");

    public CgroupLayout {
        controllers = Map.copyOf(controllers);
    }

    /** Looks at the tree under {@code cgroupfs}; throws when it holds no cgroup hierarchy at all. */
    public static CgroupLayout detect(Path cgroupfs) throws NoCgroupsException {
        if (Files.isRegularFile(cgroupfs.resolve("cgroup.controllers"))) {
            return new CgroupLayout(Version.V2, false, cgroupfs, Map.of());
        }
        Map<String, Path> found = new LinkedHashMap<>();
        for (String c : V1_CONTROLLERS) {
            Path dir = cgroupfs.resolve(c);
            if (Files.isRegularFile(dir.resolve("cgroup.procs"))) {
                found.put(c, dir);
            }
        }
        if (found.isEmpty()) {
            throw new NoCgroupsException("no cgroup v1 controller or cgroup v2 hierarchy under " + cgroupfs);
        }
        boolean hybrid = Files.isRegularFile(cgroupfs.resolve("unified").resolve("cgroup.controllers"));
        return new CgroupLayout(Version.V1, hybrid, cgroupfs, found);
    }

    public boolean isV2() {
        return version == Version.V2;
    }

    /** The hierarchy discovery walks: v2's single tree, else the first v1 controller that every container gets. */
    public Path discoveryRoot() {
        if (isV2()) {
            return root;
        }
        for (String c : List.of("cpu", "cpuacct", "memory", "pids", "blkio")) {
            Path p = controllers.get(c);
            if (p != null) {
                return p;
            }
        }
        return controllers.values().iterator().next();
    }

    /** The directory of cgroup {@code id} ("/kubepods/...") in a v1 controller, or null when not mounted. */
    public Path dir(String controller, String id) {
        Path base = isV2() ? root : controllers.get(controller);
        if (base == null) {
            return null;
        }
        return id.equals("/") ? base : base.resolve(id.substring(1));
    }

    /** The directory of cgroup {@code id} in the hierarchy discovery walks. */
    public Path id(String id) {
        Path base = discoveryRoot();
        return id.equals("/") ? base : base.resolve(id.substring(1));
    }

    /** The directory of cgroup {@code id} in the v2 tree. */
    public Path unifiedDir(String id) {
        return id.equals("/") ? root : root.resolve(id.substring(1));
    }

    public String describe() {
        if (isV2()) {
            return "v2";
        }
        return (hybrid ? "hybrid (read as v1)" : "v1") + " controllers=" + String.join(",", controllers.keySet());
    }

    /** The host offers no cgroup tree where --path.cgroupfs points. */
    public static final class NoCgroupsException extends Exception {
        public NoCgroupsException(String message) {
            super(message);
        }
    }
}
