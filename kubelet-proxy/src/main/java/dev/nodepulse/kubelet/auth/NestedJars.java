package dev.nodepulse.kubelet.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jars carried as resources inside the running jar, listed with their SHA-256 in an index (sha256sum's format),
 * copied into a new directory only this user can enter so that a class loader can open them. The directory
 * holds a lock file for as long as the process lives; a later start deletes directories whose lock is free,
 * which is what a killed process leaves behind (an emptyDir survives container restarts).
 */
final class NestedJars {

    record Entry(String sha256, String name) {}

    /** What was unpacked: the directory, the jars in index order, and the held lock that marks the directory live. */
    record Unpacked(Path dir, List<Path> jars, FileChannel lock) {

        /** Releases the lock and deletes the directory (the JVM keeps reading jars it has open). */
        void delete() {
            try {
                lock.close();
            } catch (IOException ignored) {
                // deleting is what matters
            }
            deleteTree(dir);
        }
    }

    static final String LOCK = ".lock";
    private static final Pattern LINE = Pattern.compile("([0-9a-f]{64}) [ *]([A-Za-z0-9][A-Za-z0-9._-]*\\.jar)");
    private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> WRITING_MODE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DONE_MODE = PosixFilePermissions.fromString("r--------");

    private NestedJars() {}

    static List<Entry> readIndex(InputStream in) throws IOException {
        List<Entry> out = new ArrayList<>();
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher m = LINE.matcher(line.strip());
            if (!m.matches()) {
                throw new IOException("malformed nested jar index line: " + line);
            }
            out.add(new Entry(m.group(1), m.group(2)));
        }
        if (out.isEmpty()) {
            throw new IOException("the nested jar index lists no jar");
        }
        return out;
    }

    /**
     * Copies {@code resourceDir + name} of every entry from {@code source} into a new owner-only directory under
     * {@code tmp} and checks each copy's SHA-256 against the index; on any failure the directory is removed.
     */
    static Unpacked unpack(ClassLoader source, String resourceDir, List<Entry> entries, Path tmp, String prefix)
            throws IOException {
        Path dir = createPrivateDirectory(tmp, prefix);
        FileChannel lock = null;
        try {
            lock = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            lock.lock();
            List<Path> jars = new ArrayList<>();
            for (Entry e : entries) {
                Path file = dir.resolve(e.name());
                try (InputStream in = source.getResourceAsStream(resourceDir + e.name())) {
                    if (in == null) {
                        throw new IOException("nested jar " + resourceDir + e.name() + " is not in this build");
                    }
                    try (OutputStream out = Channels.newOutputStream(Files.newByteChannel(file,
                            Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                            PosixFilePermissions.asFileAttribute(WRITING_MODE)))) {
                        in.transferTo(out);
                    }
                }
                String actual = sha256(file);
                if (!actual.equals(e.sha256())) {
                    throw new IOException("nested jar " + e.name() + " unpacked with SHA-256 " + actual + ", the build recorded "
                            + e.sha256());
                }
                Files.setPosixFilePermissions(file, DONE_MODE);
                jars.add(file);
            }
            return new Unpacked(dir, List.copyOf(jars), lock);
        } catch (IOException | RuntimeException e) {
            if (lock != null) {
                lock.close();
            }
            deleteTree(dir);
            throw e;
        }
    }

    /**
     * Deletes the directories named {@code prefix*} under {@code tmp}, other than {@code own}, that {@code owner}
     * owns, that nothing changed in for {@code minAge}, and whose lock no process holds (the directory of a live
     * process always has its lock held); returns how many. {@code own} is never opened: closing any descriptor of
     * a file drops this process's POSIX locks on it.
     */
    static int sweep(Path tmp, String prefix, UserPrincipal owner, Duration minAge, Path own) {
        int deleted = 0;
        long before = System.currentTimeMillis() - minAge.toMillis();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, prefix + "*")) {
            for (Path d : dirs) {
                try {
                    if (!d.equals(own) && Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)
                            && owner.equals(Files.getOwner(d, LinkOption.NOFOLLOW_LINKS))
                            && Files.getLastModifiedTime(d, LinkOption.NOFOLLOW_LINKS).toMillis() < before
                            && abandoned(d)) {
                        deleteTree(d);
                        deleted++;
                    }
                } catch (IOException ignored) {
                    // gone meanwhile, or not ours to read
                }
            }
        } catch (IOException ignored) {
            // an unreadable tmp directory just means nothing is swept
        }
        return deleted;
    }

    /** The lock file is free (its process is gone); a directory without one was left before it was created. */
    private static boolean abandoned(Path d) throws IOException {
        Path lockFile = d.resolve(LOCK);
        if (!Files.isRegularFile(lockFile, LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock l = ch.tryLock();
            return l != null;
        } catch (OverlappingFileLockException heldHere) {
            return false;
        }
    }

    private static Path createPrivateDirectory(Path tmp, String prefix) throws IOException {
        Path dir = Files.createTempDirectory(tmp, prefix, PosixFilePermissions.asFileAttribute(DIR_MODE));
        Files.setPosixFilePermissions(dir, DIR_MODE); // whatever a default ACL made of it
        return dir;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException gone) {
            // already deleted
        } catch (IOException ignored) {
            // best effort: a later start sweeps what is left
        }
    }
}
