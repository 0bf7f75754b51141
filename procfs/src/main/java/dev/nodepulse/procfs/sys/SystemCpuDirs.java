package dev.nodepulse.procfs.sys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The per-CPU directories /sys/devices/system/cpu/cpu[0-9]*, in name order as a shell glob lists them. */
public final class SystemCpuDirs {

    private SystemCpuDirs() {}

    public static Path root(Path sysfs) {
        return sysfs.resolve("devices/system/cpu");
    }

    public static List<Path> list(Path sysfs) throws IOException {
        Path root = root(sysfs);
        List<Path> dirs = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return dirs;
        }
        try (var stream = Files.newDirectoryStream(root)) {
            for (Path p : stream) {
                String n = p.getFileName().toString();
                if (n.length() > 3 && n.startsWith("cpu") && Character.isDigit(n.charAt(3))) {
                    dirs.add(p);
                }
            }
        }
        dirs.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        return dirs;
    }

    /** "cpu12" -> "12". */
    public static String number(Path cpuDir) {
        return cpuDir.getFileName().toString().substring(3);
    }
}
