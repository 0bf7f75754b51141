package dev.nodepulse.procfs.sys.bcachefs;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.GoStrconv;
import dev.nodepulse.procfs.io.Lines;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.io.SysfsAttributes;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * /sys/fs/bcachefs/*: btree_cache_size, compression_stats, errors, counters/*, btree_write_stats and the
 * dev-* member directories. Each file is optional (absent means empty); a present file in an unexpected
 * shape fails the read, as in procfs.
 */
public final class BcachefsReader {

    private BcachefsReader() {}

    /** @param dir the sysfs directory fs/bcachefs; missing: NoSuchFileException */
    public static List<BcachefsStats> read(Path dir) throws IOException {
        List<BcachefsStats> out = new ArrayList<>();
        for (String entry : SysfsAttributes.list(dir)) {
            Path fs = dir.resolve(entry);
            if (!SysfsAttributes.isDirectoryEntry(fs)) {
                continue;
            }
            out.add(filesystem(entry, fs));
        }
        return List.copyOf(out);
    }

    static BcachefsStats filesystem(String uuid, Path dir) throws IOException {
        String cache = optional(dir.resolve("btree_cache_size"));
        long cacheBytes = cache == null || cache.strip().isEmpty() ? 0 : bytes(cache, dir.resolve("btree_cache_size"));
        String text = optional(dir.resolve("compression_stats"));
        Map<String, BcachefsStats.Compression> compression = text == null ? Map.of()
                : parseCompressionStats(text, dir.resolve("compression_stats").toString());
        text = optional(dir.resolve("errors"));
        Map<String, Long> errors = text == null ? Map.of() : parseErrors(text, dir.resolve("errors").toString());
        Map<String, Long> counters = counters(dir.resolve("counters"));
        text = optional(dir.resolve("btree_write_stats"));
        Map<String, BcachefsStats.BtreeWrites> writes = text == null ? Map.of()
                : parseBtreeWriteStats(text, dir.resolve("btree_write_stats").toString());
        Map<String, BcachefsStats.Device> devices = new LinkedHashMap<>();
        for (String entry : SysfsAttributes.list(dir)) {
            Path dev = dir.resolve(entry);
            if (entry.startsWith("dev-") && SysfsAttributes.isDirectoryEntry(dev)) {
                devices.put(entry.substring(4), device(dev));
            }
        }
        return new BcachefsStats(uuid, cacheBytes, compression, errors, counters, writes, devices);
    }

    /** compression_stats: a header line, then "algorithm: compressed uncompressed [average_extent_size]". */
    public static Map<String, BcachefsStats.Compression> parseCompressionStats(String text, String source)
            throws ParseException {
        Map<String, BcachefsStats.Compression> out = new HashMap<>();
        List<String> lines = Lines.of(text);
        for (int i = 1; i < lines.size(); i++) {
            String[] f = Lines.fields(lines.get(i));
            if (f.length < 3) {
                continue;
            }
            try {
                long avg = f.length >= 4 ? BcachefsValues.bytes(f[3]) : 0;
                out.put(trimColon(f[0]), new BcachefsStats.Compression(BcachefsValues.bytes(f[1]),
                        BcachefsValues.bytes(f[2]), avg));
            } catch (NumberFormatException e) {
                throw ParseException.badLine(source, i + 1, lines.get(i), "not a size");
            }
        }
        return out;
    }

    /** errors: "error_type count [timestamp]". */
    public static Map<String, Long> parseErrors(String text, String source) throws ParseException {
        Map<String, Long> out = new HashMap<>();
        List<String> lines = Lines.of(text);
        for (int i = 0; i < lines.size(); i++) {
            String[] f = Lines.fields(lines.get(i));
            if (f.length < 2) {
                continue;
            }
            try {
                long count = GoStrconv.parseUint(f[1], 10, 64);
                if (f.length >= 3) {
                    GoStrconv.parseUint(f[2], 10, 64);
                }
                out.put(f[0], count);
            } catch (NumberFormatException e) {
                throw ParseException.badLine(source, i + 1, lines.get(i), "not a count");
            }
        }
        return out;
    }

    /** A counters/ file: "since mount: N" and "since filesystem creation: N"; one of them must be there. */
    public static long parseCounterSinceCreation(String text, String source) throws ParseException {
        long creation = 0;
        boolean seen = false;
        List<String> lines = Lines.of(text);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            try {
                if (line.startsWith("since mount:")) {
                    BcachefsValues.bytes(line.substring("since mount:".length()));
                    seen = true;
                } else if (line.startsWith("since filesystem creation:")) {
                    creation = BcachefsValues.bytes(line.substring("since filesystem creation:".length()));
                    seen = true;
                }
            } catch (NumberFormatException e) {
                throw ParseException.badLine(source, i + 1, line, "not a number");
            }
        }
        if (!seen) {
            throw new ParseException(source + ": counter file format not recognized");
        }
        return creation;
    }

    /** btree_write_stats: a header line, then "type: count average_size". */
    public static Map<String, BcachefsStats.BtreeWrites> parseBtreeWriteStats(String text, String source)
            throws ParseException {
        Map<String, BcachefsStats.BtreeWrites> out = new HashMap<>();
        List<String> lines = Lines.of(text);
        for (int i = 1; i < lines.size(); i++) {
            String[] f = Lines.fields(lines.get(i));
            if (f.length < 3) {
                continue;
            }
            try {
                out.put(trimColon(f[0]), new BcachefsStats.BtreeWrites(GoStrconv.parseUint(f[1], 10, 64),
                        BcachefsValues.bytes(f[2])));
            } catch (NumberFormatException e) {
                throw ParseException.badLine(source, i + 1, lines.get(i), "not a number");
            }
        }
        return out;
    }

    /** io_done: "read:" / "write:" sections of "data_type: bytes" lines. */
    public static Map<String, Map<String, Long>> parseIoDone(String text, String source) throws ParseException {
        Map<String, Map<String, Long>> out = new HashMap<>();
        String op = null;
        List<String> lines = Lines.of(text);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.equals("read:") || line.equals("write:")) {
                op = line.substring(0, line.length() - 1);
                out.computeIfAbsent(op, k -> new HashMap<>());
                continue;
            }
            if (op == null) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            try {
                out.get(op).put(line.substring(0, colon).strip(),
                        GoStrconv.parseUint(line.substring(colon + 1).strip(), 10, 64));
            } catch (NumberFormatException e) {
                throw ParseException.badLine(source, i + 1, lines.get(i), "not a byte count");
            }
        }
        return out;
    }

    /**
     * io_errors: the "IO errors since filesystem creation" section of "type: count" lines, up to the next
     * "IO errors since ..." header.
     */
    public static Map<String, Long> parseIoErrors(String text, String source) throws ParseException {
        Map<String, Long> out = new HashMap<>();
        boolean inCreation = false;
        List<String> lines = Lines.of(text);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("IO errors since filesystem creation")) {
                inCreation = true;
                continue;
            }
            if (line.startsWith("IO errors since ")) {
                break;
            }
            if (!inCreation || line.strip().isEmpty()) {
                continue;
            }
            String trimmed = line.strip();
            int colon = trimmed.indexOf(':');
            if (colon < 0) {
                continue;
            }
            try {
                out.put(trimmed.substring(0, colon).strip(),
                        GoStrconv.parseUint(trimmed.substring(colon + 1).strip(), 10, 64));
            } catch (NumberFormatException e) {
                throw ParseException.badLine(source, i + 1, line, "not a count");
            }
        }
        return out;
    }

    private static Map<String, Long> counters(Path dir) throws IOException {
        Map<String, Long> out = new HashMap<>();
        List<String> names;
        try {
            names = SysfsAttributes.list(dir);
        } catch (NoSuchFileException e) {
            return out;
        }
        for (String name : names) {
            Path p = dir.resolve(name);
            if (SysfsAttributes.isDirectoryEntry(p)) {
                continue;
            }
            String text = optional(p);
            out.put(name, text == null ? 0 : parseCounterSinceCreation(text, p.toString()));
        }
        return out;
    }

    private static BcachefsStats.Device device(Path dir) throws IOException {
        String label = quiet(dir.resolve("label"));
        String state = quiet(dir.resolve("state"));
        long bucketSize = 0;
        String raw = quiet(dir.resolve("bucket_size"));
        if (!raw.isEmpty()) {
            bucketSize = bytes(raw, dir.resolve("bucket_size"));
        }
        long buckets = unsignedFile(dir.resolve("nbuckets"));
        long durability = unsignedFile(dir.resolve("durability"));
        String text = optional(dir.resolve("io_done"));
        Map<String, Map<String, Long>> ioDone = text == null ? Map.of()
                : parseIoDone(text, dir.resolve("io_done").toString());
        text = optional(dir.resolve("io_errors"));
        Map<String, Long> ioErrors = text == null ? Map.of() : parseIoErrors(text, dir.resolve("io_errors").toString());
        return new BcachefsStats.Device(label, state, bucketSize, buckets, durability, ioDone, ioErrors);
    }

    /** A file's content, or null when it does not exist; other read errors throw. */
    private static String optional(Path p) throws IOException {
        try {
            return SmallFiles.read(p);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** A file's trimmed content, "" on any error (label, state, bucket_size). */
    private static String quiet(Path p) {
        String s = SmallFiles.readIfPresent(p);
        return s == null ? "" : s.strip();
    }

    /** A decimal count, 0 when the file is missing. */
    private static long unsignedFile(Path p) throws IOException {
        String s = optional(p);
        if (s == null) {
            return 0;
        }
        try {
            return GoStrconv.parseUint(s.strip(), 10, 64);
        } catch (NumberFormatException e) {
            throw new ParseException(p + ": not an unsigned integer: \"" + s.strip() + "\"");
        }
    }

    private static long bytes(String s, Path p) throws ParseException {
        try {
            return BcachefsValues.bytes(s);
        } catch (NumberFormatException e) {
            throw new ParseException(p + ": not a size: \"" + s.strip() + "\"");
        }
    }

    private static String trimColon(String s) {
        return s.endsWith(":") ? s.substring(0, s.length() - 1) : s;
    }
}
