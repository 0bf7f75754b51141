package dev.nodepulse.procfs.io;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading sysfs attributes the way node_exporter's procfs library does, so values and failures match it.
 *
 * <p>An attribute is read with a single read(2) of at most {@value #ATTRIBUTE_LIMIT} bytes and trimmed
 * (procfs' SysReadFile): a driver that answers EAGAIN must not make a scrape spin, and a longer attribute
 * is cut exactly where node_exporter cuts it. Directory listings fail on a missing directory (unlike
 * {@link SmallFiles#list}), because several collectors report "no data" from exactly that.
 */
public final class SysfsAttributes {

    /** procfs reads sysfs attributes into a buffer of this size. */
    public static final int ATTRIBUTE_LIMIT = 128;

    private SysfsAttributes() {}

    /**
     * One attribute, trimmed. Missing: {@link NoSuchFileException}; unreadable or a directory: another
     * IOException. (No stat first: on a node with hundreds of veth interfaces that would double the system
     * calls of a netclass scrape.)
     */
    public static String read(Path path) throws IOException {
        byte[] buf = new byte[ATTRIBUTE_LIMIT];
        int n;
        try (FileInputStream in = open(path)) {
            n = in.read(buf, 0, buf.length);
        }
        return n <= 0 ? "" : new String(buf, 0, n, StandardCharsets.UTF_8).strip();
    }

    /** The attribute, or null when it is absent or the kernel refuses the read (EINVAL, EIO, ...). */
    public static String readOrNull(Path path) {
        try {
            return read(path);
        } catch (IOException e) {
            return null;
        }
    }

    /** The attribute, or null when it does not exist; other read errors still throw. */
    public static String readIfExists(Path path) throws IOException {
        try {
            return read(path);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** A whole file (not cut at 128 bytes), trimmed: procfs' ReadFileNoStat/os.ReadFile users. */
    public static String readWhole(Path path) throws IOException {
        return SmallFiles.read(path).strip();
    }

    /** A decimal unsigned 64-bit integer file (procfs' ReadUintFromFile), returned as the raw long bits. */
    public static long readUnsigned(Path path) throws IOException {
        String s = readWhole(path);
        try {
            return GoStrconv.parseUint(s, 10, 64);
        } catch (NumberFormatException e) {
            throw new dev.nodepulse.procfs.ParseException(path + ": not an unsigned integer: \"" + s + "\"");
        }
    }

    /** Entry names of a directory, sorted like Go's os.ReadDir. Missing directory: NoSuchFileException. */
    public static List<String> list(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                names.add(p.getFileName().toString());
            }
        }
        names.sort(null);
        return names;
    }

    /** Regular files only (a symlink is not one), as Go's DirEntry.Type().IsRegular() tells them. */
    public static boolean isRegularFile(Path p) {
        return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
    }

    /** A real directory, not a symlink to one (Go's DirEntry.IsDir()). */
    public static boolean isDirectoryEntry(Path p) {
        return Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Whether a read error is one of those procfs skips for optional counters: the file vanished, or the
     * driver does not support reading it (EINVAL, EOPNOTSUPP). Permission errors are not among them.
     */
    public static boolean isUnsupportedRead(IOException e) {
        if (e instanceof NoSuchFileException) {
            return true;
        }
        String m = e.getMessage();
        return m != null && (m.contains("Invalid argument") || m.contains("Operation not supported")
                || m.contains("not supported"));
    }

    static FileInputStream open(Path path) throws IOException {
        try {
            return new FileInputStream(path.toFile());
        } catch (java.io.FileNotFoundException e) {
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) || !Files.exists(path)) {
                throw new NoSuchFileException(path.toString());
            }
            String why = e.getMessage() == null ? "" : e.getMessage();
            if (why.contains("Is a directory")) {
                throw new IOException(path + ": is a directory");
            }
            if (why.contains("Permission denied")) {
                throw new AccessDeniedException(path.toString(), null, why);
            }
            // ENODEV, ENXIO, EINVAL at open(2): keep the kernel's words so callers can tell them apart.
            throw new IOException(why, e);
        }
    }
}
