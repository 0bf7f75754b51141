package dev.nodepulse.procfs.sys.btrfs;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.GoStrconv;
import dev.nodepulse.procfs.io.Lines;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.io.SysfsAttributes;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * /sys/fs/btrfs/*-* (one directory per filesystem UUID). Missing attribute files read as empty or 0, and
 * unparsable numbers as 0, as in procfs; a file that exists but cannot be read, or a missing devices/
 * directory, fails the read.
 */
public final class BtrfsReader {

    private static final long SECTOR_SIZE = 512;

    private BtrfsReader() {}

    /** @param btrfsDir the sysfs directory fs/btrfs; missing: no filesystems */
    public static List<BtrfsStats> read(Path btrfsDir) throws IOException {
        List<BtrfsStats> out = new ArrayList<>();
        for (String entry : SmallFiles.list(btrfsDir)) {
            if (entry.indexOf('-') < 0) {
                continue;
            }
            out.add(filesystem(entry, btrfsDir.resolve(entry)));
        }
        return List.copyOf(out);
    }

    static BtrfsStats filesystem(String dirName, Path dir) throws IOException {
        Map<String, Long> devices = new TreeMap<>();
        for (String dev : SysfsAttributes.list(dir.resolve("devices"))) {
            devices.put(dev, SECTOR_SIZE * value(dir.resolve("devices").resolve(dev).resolve("size")));
        }
        int devCount = devices.size();
        String label = text(dir.resolve("label"));
        String uuid = text(dir.resolve("metadata_uuid"));
        if (uuid.isEmpty()) {
            uuid = dirName;
        }
        Path alloc = dir.resolve("allocation");
        long globalRsv = value(alloc.resolve("global_rsv_size"));
        BtrfsStats.Allocation data = allocation(alloc.resolve("data"), devCount);
        BtrfsStats.Allocation metadata = allocation(alloc.resolve("metadata"), devCount);
        BtrfsStats.Allocation system = allocation(alloc.resolve("system"), devCount);
        long[] commit = commitStats(dir.resolve("commit_stats"));
        return new BtrfsStats(uuid, label, globalRsv, data, metadata, system, Map.copyOf(devices), commit[0],
                commit[1], commit[2], commit[3]);
    }

    private static BtrfsStats.Allocation allocation(Path dir, int devCount) throws IOException {
        long reserved = value(dir.resolve("bytes_reserved"));
        Map<String, BtrfsStats.Layout> layouts = new TreeMap<>();
        for (String entry : SysfsAttributes.list(dir)) {
            Path p = dir.resolve(entry);
            if (!SysfsAttributes.isDirectoryEntry(p)) {
                continue;
            }
            layouts.put(entry, new BtrfsStats.Layout(value(p.resolve("used_bytes")), value(p.resolve("total_bytes")),
                    ratio(entry, devCount)));
        }
        return new BtrfsStats.Allocation(reserved, Map.copyOf(layouts));
    }

    /** Raw bytes written per usable byte for a RAID profile; 0 for profiles procfs does not know. */
    static double ratio(String profile, int devCount) {
        switch (profile) {
            case "single":
            case "raid0":
                return 1;
            case "dup":
            case "raid1":
            case "raid10":
                return 2;
            case "raid1c3":
                return 3;
            case "raid1c4":
                return 4;
            case "raid5":
                return (double) devCount / (devCount - 1.0);
            case "raid6":
                return (double) devCount / (devCount - 2.0);
            default:
                return 0;
        }
    }

    /** commit_stats: "commits N", "last_commit_ms N", "max_commit_ms N", "total_commit_ms N". */
    static long[] commitStats(Path file) throws IOException {
        long[] out = new long[4];
        String text;
        try {
            text = SmallFiles.read(file);
        } catch (NoSuchFileException e) {
            return out;
        }
        for (String line : Lines.of(text)) {
            String[] f = Lines.fields(line);
            if (f.length != 2) {
                throw new ParseException(file + ": invalid commit_stats line \"" + line + "\"");
            }
            long v;
            try {
                v = GoStrconv.parseUint(f[1], 10, 64);
            } catch (NumberFormatException e) {
                throw new ParseException(file + ": invalid commit_stats value \"" + line + "\"");
            }
            switch (f[0]) {
                case "commits":
                    out[0] = v;
                    break;
                case "last_commit_ms":
                    out[1] = v;
                    break;
                case "max_commit_ms":
                    out[2] = v;
                    break;
                case "total_commit_ms":
                    out[3] = v;
                    break;
                default:
                    break;
            }
        }
        return out;
    }

    private static String text(Path p) throws IOException {
        String s = SysfsAttributes.readIfExists(p);
        return s == null ? "" : s;
    }

    private static long value(Path p) throws IOException {
        try {
            return GoStrconv.parseUint(text(p), 10, 64);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
