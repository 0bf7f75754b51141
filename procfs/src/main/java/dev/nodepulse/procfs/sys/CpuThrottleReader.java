package dev.nodepulse.procfs.sys;

import dev.nodepulse.procfs.io.GoStrconv;
import dev.nodepulse.procfs.io.SmallFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Reads the throttle counters once per package and once per core: every thread of a core (and every core of
 * a package) shows the same count. CPUs without topology ids are skipped, as are counts that cannot be read;
 * some CPU and kernel combinations offer core counts but no package counts.
 */
public final class CpuThrottleReader {

    private CpuThrottleReader() {}

    public static CpuThrottles read(Path sysfs) throws IOException {
        Map<Long, Long> packages = new TreeMap<>();
        Map<Long, Map<Long, Long>> cores = new TreeMap<>();
        for (Path cpu : SystemCpuDirs.list(sysfs)) {
            OptionalLong pkg = readUint(cpu.resolve("topology/physical_package_id"));
            if (pkg.isEmpty()) {
                continue;
            }
            OptionalLong core = readUint(cpu.resolve("topology/core_id"));
            if (core.isEmpty()) {
                continue;
            }
            Map<Long, Long> coresOfPackage = cores.computeIfAbsent(pkg.getAsLong(), k -> new TreeMap<>());
            if (!coresOfPackage.containsKey(core.getAsLong())) {
                readUint(cpu.resolve("thermal_throttle/core_throttle_count"))
                        .ifPresent(v -> coresOfPackage.put(core.getAsLong(), v));
            }
            if (!packages.containsKey(pkg.getAsLong())) {
                readUint(cpu.resolve("thermal_throttle/package_throttle_count"))
                        .ifPresent(v -> packages.put(pkg.getAsLong(), v));
            }
        }
        cores.values().removeIf(Map::isEmpty);
        return new CpuThrottles(packages, cores);
    }

    /** A decimal attribute, or empty when it is missing, unreadable or not a number. */
    static OptionalLong readUint(Path file) {
        String s = SmallFiles.readIfPresent(file);
        if (s == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(GoStrconv.parseUint(s.strip(), 10, 64));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
