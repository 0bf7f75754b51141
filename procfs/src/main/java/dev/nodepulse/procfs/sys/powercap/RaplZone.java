package dev.nodepulse.procfs.sys.powercap;

import java.nio.file.Path;

/**
 * A RAPL zone of /sys/class/powercap: its name without the "-N" suffix ("package", "core", "dram"), the
 * index (the suffix, or a running count for repeated names without one), and its directory.
 */
public record RaplZone(String name, int index, Path path, long maxMicrojoules) {}
