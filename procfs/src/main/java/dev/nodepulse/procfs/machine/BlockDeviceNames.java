package dev.nodepulse.procfs.machine;

import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.SmallFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * "/dev/<name>" by "major:minor", from /sys/block/<disk>/dev and its partitions' dev files: the names cAdvisor
 * gives the {@code device} label of container I/O series.
 */
public final class BlockDeviceNames {

    private final Map<Long, String> names;

    private BlockDeviceNames(Map<Long, String> names) {
        this.names = Map.copyOf(names);
    }

    public static BlockDeviceNames read(HostPaths paths) throws IOException {
        Map<Long, String> out = new HashMap<>();
        Path block = paths.sys("block");
        for (String disk : SmallFiles.list(block)) {
            add(out, block.resolve(disk).resolve("dev"), disk);
            for (String part : SmallFiles.list(block.resolve(disk))) {
                if (part.startsWith(disk)) {
                    add(out, block.resolve(disk).resolve(part).resolve("dev"), part);
                }
            }
        }
        return new BlockDeviceNames(out);
    }

    public static BlockDeviceNames empty() {
        return new BlockDeviceNames(Map.of());
    }

    private static void add(Map<Long, String> out, Path devFile, String name) {
        String s = SmallFiles.readIfPresent(devFile);
        if (s == null) {
            return;
        }
        String[] mm = s.strip().split(":");
        if (mm.length != 2) {
            return;
        }
        try {
            out.put(key(Integer.parseInt(mm[0]), Integer.parseInt(mm[1])), "/dev/" + name);
        } catch (NumberFormatException ignored) {
            // not a device number: not a device
        }
    }

    private static long key(int major, int minor) {
        return ((long) major << 32) | (minor & 0xffffffffL);
    }

    /** The device's name, "" when the machine has no block device with that number (as cAdvisor leaves it). */
    public String name(int major, int minor) {
        return names.getOrDefault(key(major, minor), "");
    }
}
