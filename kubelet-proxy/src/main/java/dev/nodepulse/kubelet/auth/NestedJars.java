package dev.nodepulse.kubelet.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
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
 * which is what a killed process leaves behind (an emptyDir survives container restarts, and SIGKILL runs no
 * shutdown hook).
 */
final class NestedJars {

    record Entry(String sha256, String name) {}

    /**
     * What was unpacked: the directory, the jars in index order, the held lock that marks the directory live, and
     * how many directories of dead processes were deleted.
     */
    record Unpacked(Path dir, List<Path> jars, FileChannel lock, int swept) {

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
     * Makes a new owner-only directory under {@code tmp} and locks it, deletes what dead processes left (see
     * {@link #sweep}), then copies {@code resourceDir + name} of every entry from {@code source} into it and checks
     * each copy's SHA-256 against the index; on any failure the directory is removed. Sweeping first means a
     * restart needs room for one copy, not two.
     */
    static Unpacked unpack(ClassLoader source, String resourceDir, List<Entry> entries, Path tmp, String prefix,
            Duration lockless) throws IOException {
        Path dir = createPrivateDirectory(tmp, prefix);
        FileChannel lock = null;
        try {
            // Locked under another name, then renamed (the lock belongs to the inode): a .lock file that exists
            // is held by its process for as long as that lives, so a free one is never a start in progress.
            Path pending = dir.resolve(LOCK + ".new");
            lock = FileChannel.open(pending, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            lock.lock();
            Files.move(pending, dir.resolve(LOCK), StandardCopyOption.ATOMIC_MOVE);
            int swept = sweep(tmp, prefix, Files.getOwner(dir), lockless, dir);
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
            return new Unpacked(dir, List.copyOf(jars), lock, swept);
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
     * owns and no live process uses: their lock file is free, or they have none and nothing changed in them for
     * {@code lockless} (a process that died between creating the directory and its lock). Returns how many.
     * {@code own} is never opened: closing any descriptor of a file drops this process's POSIX locks on it.
     */
    static int sweep(Path tmp, String prefix, UserPrincipal owner, Duration lockless, Path own) {
        int deleted = 0;
        long before = System.currentTimeMillis() - lockless.toMillis();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, prefix + "*")) {
            for (Path d : dirs) {
                try {
                    if (!d.equals(own) && Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)
                            && owner.equals(Files.getOwner(d, LinkOption.NOFOLLOW_LINKS)) && abandoned(d, before)) {
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

    private static boolean abandoned(Path d, long locklessBefore) throws IOException {
        Path lockFile = d.resolve(LOCK);
        if (!Files.isRegularFile(lockFile, LinkOption.NOFOLLOW_LINKS)) {
            return Files.getLastModifiedTime(d, LinkOption.NOFOLLOW_LINKS).toMillis() < locklessBefore;
        }
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            return ch.tryLock() != null;
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
