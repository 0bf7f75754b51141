package dev.nodepulse.procfs.io;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads the small pseudo-files of /proc, /sys and cgroupfs.
 *
 * <p>Their reported size is 0 or 4096 whatever they hold, so they are read to EOF and never sized with
 * stat. Each thread keeps one growing buffer, so a scrape allocates only the resulting String.
 * ANCHORS.md measures open+read+close at 5-20 µs per file, which is cheap enough that no fd is kept open.
 */
public final class SmallFiles {

    private static final int INITIAL = 16 * 1024;
    /** Buffers grown past this for one big file (mountinfo on a busy node) are not kept for the next read. */
    private static final int KEEP_LIMIT = 1 << 20;
    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[INITIAL]);

    private SmallFiles() {}

    /** The whole file as UTF-8. Missing files throw {@link java.nio.file.NoSuchFileException}. */
    public static String read(Path path) throws IOException {
        byte[] buf = BUFFER.get();
        int len = 0;
        try (FileInputStream in = open(path)) {
            while (true) {
                if (len == buf.length) {
                    byte[] bigger = new byte[buf.length * 2];
                    System.arraycopy(buf, 0, bigger, 0, len);
                    buf = bigger;
                }
                int n = in.read(buf, len, buf.length - len);
                if (n < 0) {
                    break;
                }
                len += n;
            }
        }
        if (buf.length <= KEEP_LIMIT) {
            BUFFER.set(buf);
        } else {
            BUFFER.set(new byte[INITIAL]);
        }
        return new String(buf, 0, len, StandardCharsets.UTF_8);
    }

    /** The file with surrounding whitespace (the kernel's trailing newline) removed. */
    public static String readTrimmed(Path path) throws IOException {
        return read(path).strip();
    }

    /** The file's lines, without the terminators; a trailing newline does not make an empty last line. */
    public static List<String> readLines(Path path) throws IOException {
        return Lines.of(read(path));
    }

    /** A file holding one integer, as sysfs and cgroupfs attributes do. */
    public static long readLong(Path path) throws IOException {
        String s = readTrimmed(path);
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new dev.nodepulse.procfs.ParseException(path + ": not an integer: \"" + s + "\"");
        }
    }

    /**
     * An optional integer attribute: empty when the file is missing or cannot be read (sysfs answers EINVAL
     * or EIO for attributes a driver does not support), an exception only when it holds something else.
     */
    public static OptionalLong readLongIfPresent(Path path) throws IOException {
        String s = readIfPresent(path);
        if (s == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(s.strip()));
        } catch (NumberFormatException e) {
            throw new dev.nodepulse.procfs.ParseException(path + ": not an integer: \"" + s.strip() + "\"");
        }
    }

    /** The file's content, or null when it does not exist or the kernel refuses the read. */
    public static String readIfPresent(Path path) {
        try {
            return read(path);
        } catch (IOException e) {
            return null;
        }
    }

    /** Names of a directory's entries, sorted; empty when the directory does not exist. */
    public static List<String> list(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return names;
        }
        try (var stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                names.add(p.getFileName().toString());
            }
        }
        names.sort(null);
        return names;
    }

    private static FileInputStream open(Path path) throws IOException {
        try {
            return new FileInputStream(path.toFile());
        } catch (java.io.FileNotFoundException e) {
            // FileInputStream folds ENOENT, EACCES and EISDIR into one exception; tell them apart for callers.
            if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !Files.exists(path)) {
                throw new java.nio.file.NoSuchFileException(path.toString());
            }
            throw new java.nio.file.AccessDeniedException(path.toString(), null, e.getMessage());
        }
    }
}
