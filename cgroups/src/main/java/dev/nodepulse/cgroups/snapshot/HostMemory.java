package dev.nodepulse.cgroups.snapshot;

import dev.nodepulse.cgroups.stats.CgroupStatsReader;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.proc.Meminfo;
import dev.nodepulse.procfs.proc.MeminfoParser;
import java.io.IOException;
import java.nio.file.Path;

/** The node's memory totals from /proc/meminfo, which the root row's limits and the v2 root's swap come from. */
public final class HostMemory implements CgroupStatsReader.RootMemory {

    /** MemTotal, SwapTotal and SwapFree in bytes. */
    public record Totals(long memTotal, long swapTotal, long swapFree) {}

    private final Path meminfo;

    public HostMemory(Path procfs) {
        this.meminfo = procfs.resolve("meminfo");
    }

    public Totals read() throws IOException {
        Meminfo m = MeminfoParser.parse(SmallFiles.read(meminfo));
        return new Totals(value(m, "MemTotal"), value(m, "SwapTotal"), value(m, "SwapFree"));
    }

    private static long value(Meminfo m, String key) {
        for (Meminfo.Entry e : m.entries()) {
            if (e.key().equals(key)) {
                return (long) e.value();
            }
        }
        return 0;
    }

    @Override
    public long swapUsedBytes() throws IOException {
        Totals t = read();
        return Math.max(0, t.swapTotal() - t.swapFree());
    }
}
