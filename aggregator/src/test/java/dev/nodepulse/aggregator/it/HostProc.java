package dev.nodepulse.aggregator.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Figures of this host and process straight from /proc, to judge what the aggregator serves. */
final class HostProc {

    private HostProc() {}

    /** Busy CPU time of the whole host in core-seconds (user+nice+system+irq+softirq+steal, USER_HZ 100). */
    static double nodeCpuSeconds() throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long busy = 0;
        for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
            busy += Long.parseLong(f[i]);
        }
        return busy / 100.0;
    }

    /** MemTotal - MemAvailable in bytes: what is in use. */
    static double nodeMemoryBytes() throws IOException {
        long total = 0;
        long available = 0;
        for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
            String[] p = l.split("\\s+");
            if (p[0].equals("MemTotal:")) {
                total = Long.parseLong(p[1]) * 1024;
            } else if (p[0].equals("MemAvailable:")) {
                available = Long.parseLong(p[1]) * 1024;
            }
        }
        return total - available;
    }

    static double memTotalBytes() throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (l.startsWith("MemTotal:")) {
                return Long.parseLong(l.split("\\s+")[1]) * 1024.0;
            }
        }
        throw new IOException("no MemTotal");
    }

    /** utime+stime of this process in seconds. */
    static double selfCpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    }

    static double selfRssBytes() throws IOException {
        return Long.parseLong(Files.readString(Path.of("/proc/self/statm")).trim().split(" ")[1]) * 4096.0;
    }
}
