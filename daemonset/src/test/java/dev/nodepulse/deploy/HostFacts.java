package dev.nodepulse.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This host's memory from /proc/meminfo, the yardstick for the NodeMetrics the aggregator serves. */
final class HostFacts {

    private HostFacts() {}

    static long memTotalBytes() {
        return meminfo("MemTotal:");
    }

    static long memAvailableBytes() {
        return meminfo("MemAvailable:");
    }

    private static long meminfo(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith(key)) {
                    String[] f = line.substring(key.length()).trim().split("\\s+");
                    return Long.parseLong(f[0]) * 1024; // the kernel writes kB (KiB)
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no " + key + " in /proc/meminfo");
    }
}
