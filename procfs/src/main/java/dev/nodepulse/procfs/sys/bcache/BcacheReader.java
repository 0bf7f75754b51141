package dev.nodepulse.procfs.sys.bcache;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.GoStrconv;
import dev.nodepulse.procfs.io.Lines;
import dev.nodepulse.procfs.io.SmallFiles;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * /sys/fs/bcache/*-* (one directory per cache set UUID). Attribute files hold one human-readable number
 * and a newline; a missing attribute reads as 0, an empty or undecodable one fails the read. A backing
 * device's writeback_rate_debug is required, and a cache device's priority_stats when asked for.
 */
public final class BcacheReader {

    private BcacheReader() {}

    /** @param bcacheDir the sysfs directory fs/bcache; missing: no cache sets */
    public static List<BcacheStats> read(Path bcacheDir, boolean priorityStats) throws IOException {
        List<BcacheStats> out = new ArrayList<>();
        for (String entry : SmallFiles.list(bcacheDir)) {
            if (entry.indexOf('-') < 0) {
                continue;
            }
            out.add(cacheSet(entry, bcacheDir.resolve(entry), priorityStats));
        }
        return List.copyOf(out);
    }

    static BcacheStats cacheSet(String uuid, Path dir, boolean priorityStats) throws IOException {
        Path internal = dir.resolve("internal");
        long averageKeySize = value(dir.resolve("average_key_size"));
        long btreeCacheSize = value(dir.resolve("btree_cache_size"));
        long available = value(dir.resolve("cache_available_percent"));
        long congested = value(dir.resolve("congested"));
        long rootUsage = value(dir.resolve("root_usage_percent"));
        long treeDepth = value(dir.resolve("tree_depth"));
        long journal = value(internal.resolve("active_journal_entries"));
        long nodes = value(internal.resolve("btree_nodes"));
        long readAvg = value(internal.resolve("btree_read_average_duration_us"));
        long races = value(internal.resolve("cache_read_races"));
        // The set's own period counters are read (and must decode) even though nothing publishes them.
        periodStats(dir.resolve("stats_five_minute"));
        periodStats(dir.resolve("stats_total"));

        List<BcacheStats.BackingDevice> backing = new ArrayList<>();
        for (String name : numbered(dir, "bdev")) {
            Path b = dir.resolve(name);
            long dirty = value(b.resolve("dirty_data"));
            WritebackRateDebug wrd = writebackRateDebug(b.resolve("writeback_rate_debug"));
            periodStats(b.resolve("stats_five_minute"));
            BcacheStats.PeriodStats total = periodStats(b.resolve("stats_total"));
            backing.add(new BcacheStats.BackingDevice(name, dirty, wrd, total));
        }
        List<BcacheStats.CacheDevice> caches = new ArrayList<>();
        for (String name : numbered(dir, "cache")) {
            Path c = dir.resolve(name);
            long ioErrors = value(c.resolve("io_errors"));
            long metadataWritten = value(c.resolve("metadata_written"));
            long written = value(c.resolve("written"));
            PriorityStats priority = priorityStats ? priorityStats(c.resolve("priority_stats")) : null;
            caches.add(new BcacheStats.CacheDevice(name, ioErrors, metadataWritten, written, priority));
        }
        return new BcacheStats(uuid, averageKeySize, btreeCacheSize, available, congested, rootUsage, treeDepth,
                journal, nodes, readAvg, races, List.copyOf(backing), List.copyOf(caches));
    }

    private static BcacheStats.PeriodStats periodStats(Path dir) throws IOException {
        return new BcacheStats.PeriodStats(value(dir.resolve("bypassed")), value(dir.resolve("cache_hits")),
                value(dir.resolve("cache_misses")), value(dir.resolve("cache_bypass_hits")),
                value(dir.resolve("cache_bypass_misses")), value(dir.resolve("cache_miss_collisions")),
                value(dir.resolve("cache_readaheads")));
    }

    /** One attribute: the file without its last byte (the newline), decoded; 0 when the file is missing. */
    static long value(Path file) throws IOException {
        String text;
        try {
            text = SmallFiles.read(file);
        } catch (NoSuchFileException e) {
            return 0;
        }
        if (text.isEmpty()) {
            throw new ParseException(file + ": empty");
        }
        String body = text.substring(0, text.length() - 1);
        try {
            return BcacheValues.dehumanize(body);
        } catch (NumberFormatException e) {
            throw new ParseException(file + ": cannot decode \"" + body + "\"");
        }
    }

    /** writeback_rate_debug: "rate: 1.1M/sec", "dirty: 20.4G", ..., "next io: 17ms". */
    public static WritebackRateDebug parseWritebackRateDebug(String text, String source) throws ParseException {
        long rate = 0;
        long dirty = 0;
        long target = 0;
        long proportional = 0;
        long integral = 0;
        long change = 0;
        long nextIo = 0;
        List<String> lines = Lines.of(text);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String[] f = Lines.fields(line);
            if (f.length == 0) {
                continue;
            }
            String last = f[f.length - 1];
            try {
                if (line.startsWith("rate:")) {
                    rate = BcacheValues.dehumanize(trimSuffix(last, "/sec"));
                } else if (line.startsWith("dirty:")) {
                    dirty = BcacheValues.dehumanize(last);
                } else if (line.startsWith("target:")) {
                    target = BcacheValues.dehumanize(last);
                } else if (line.startsWith("proportional:")) {
                    proportional = BcacheValues.dehumanizeSigned(last);
                } else if (line.startsWith("integral:")) {
                    integral = BcacheValues.dehumanizeSigned(last);
                } else if (line.startsWith("change:")) {
                    change = BcacheValues.dehumanizeSigned(trimSuffix(last, "/sec"));
                } else if (line.startsWith("next io:")) {
                    nextIo = GoStrconv.parseInt(trimSuffix(last, "ms"), 10, 64);
                }
            } catch (NumberFormatException e) {
                throw ParseException.badLine(source, i + 1, line, "cannot decode " + last);
            }
        }
        return new WritebackRateDebug(rate, dirty, target, proportional, integral, change, nextIo);
    }

    /** priority_stats: "Unused: 99%", "Metadata: 0%", then averages and quantiles that are not read. */
    public static PriorityStats parsePriorityStats(String text, String source) throws ParseException {
        long unused = 0;
        long metadata = 0;
        List<String> lines = Lines.of(text);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean isUnused = line.startsWith("Unused:");
            if (!isUnused && !line.startsWith("Metadata:")) {
                continue;
            }
            String[] f = Lines.fields(line);
            String v = trimSuffix(f[f.length - 1], "%");
            try {
                long n = GoStrconv.parseUint(v, 10, 64);
                if (isUnused) {
                    unused = n;
                } else {
                    metadata = n;
                }
            } catch (NumberFormatException e) {
                throw ParseException.badLine(source, i + 1, line, "not a percentage");
            }
        }
        return new PriorityStats(unused, metadata);
    }

    private static WritebackRateDebug writebackRateDebug(Path file) throws IOException {
        return parseWritebackRateDebug(SmallFiles.read(file), file.toString());
    }

    private static PriorityStats priorityStats(Path file) throws IOException {
        return parsePriorityStats(SmallFiles.read(file), file.toString());
    }

    /** Entries named prefix followed by a digit (the glob prefix[0-9]*), sorted. */
    private static List<String> numbered(Path dir, String prefix) throws IOException {
        List<String> out = new ArrayList<>();
        for (String n : SmallFiles.list(dir)) {
            if (n.length() > prefix.length() && n.startsWith(prefix) && n.charAt(prefix.length()) >= '0'
                    && n.charAt(prefix.length()) <= '9') {
                out.add(n);
            }
        }
        return out;
    }

    private static String trimSuffix(String s, String suffix) {
        return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
    }
}
