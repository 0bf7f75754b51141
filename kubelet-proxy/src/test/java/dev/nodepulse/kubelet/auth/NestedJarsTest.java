package dev.nodepulse.kubelet.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NestedJarsTest {

    private static final String PREFIX = "test-kube-lib-";
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @TempDir
    Path dir;

    private Path tmp;
    private Path resources;

    @BeforeEach
    void layout() throws IOException {
        tmp = Files.createDirectory(dir.resolve("tmp"));
        resources = Files.createDirectories(dir.resolve("res/META-INF/kube-lib"));
    }

    /** A jar holding one text resource, stored as a resource of the "outer jar" (a directory here). */
    private Path nestedJar(String name, String resource, String text) throws IOException {
        Path jar = resources.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(resource));
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    private URLClassLoader outer() throws IOException {
        return new URLClassLoader(new URL[] {dir.resolve("res").toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void indexInSha256sumFormat() throws IOException {
        String a = "a".repeat(64);
        assertEquals(List.of(new NestedJars.Entry(a, "x.jar"), new NestedJars.Entry("0".repeat(64), "y-1.2_3.jar")),
                NestedJars.readIndex(text(a + "  x.jar\n\n" + "0".repeat(64) + " *y-1.2_3.jar\n")));
        for (String bad : List.of("", "\n", a + "  ../x.jar", a + "  a/x.jar", a + "  x.txt", a.substring(1) + "  x.jar",
                a.toUpperCase() + "  x.jar", a + "x.jar", "x.jar")) {
            assertThrows(IOException.class, () -> NestedJars.readIndex(text(bad)), bad);
        }
    }

    @Test
    void unpacksIntoAnOwnerOnlyDirectoryThatAChildLoaderOpens() throws Exception {
        Path jar = nestedJar("one.jar", "hello.txt", "from the nested jar");
        List<NestedJars.Entry> entries = List.of(new NestedJars.Entry(NestedJars.sha256(jar), "one.jar"));
        try (URLClassLoader outer = outer()) {
            NestedJars.Unpacked u = NestedJars.unpack(outer, "META-INF/kube-lib/", entries, tmp, PREFIX, MINUTE);
            assertEquals(tmp, u.dir().getParent());
            assertTrue(u.dir().getFileName().toString().startsWith(PREFIX));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(u.dir())));
            assertEquals(List.of(u.dir().resolve("one.jar")), u.jars());
            assertEquals(List.of(".lock", "one.jar"), names(u.dir()));
            assertEquals("r--------", PosixFilePermissions.toString(Files.getPosixFilePermissions(u.jars().get(0))));
            assertEquals(-1, Files.mismatch(jar, u.jars().get(0)));
            try (URLClassLoader child = KubeLibrary.open(u, outer);
                    InputStream in = child.getResourceAsStream("hello.txt")) {
                assertEquals("from the nested jar", new String(in.readAllBytes(), StandardCharsets.UTF_8));
                assertEquals(outer, child.getParent());
            }
            // Its own directory a sweep never touches, however old.
            Files.setLastModifiedTime(u.dir(), FileTime.fromMillis(0));
            assertEquals(0, NestedJars.sweep(tmp, PREFIX, Files.getOwner(u.dir()), Duration.ZERO, u.dir()));
            assertTrue(Files.isDirectory(u.dir()));
            try (FileChannel probe = FileChannel.open(u.dir().resolve(NestedJars.LOCK), StandardOpenOption.WRITE)) {
                assertThrows(OverlappingFileLockException.class, probe::tryLock, "the lock is held");
            }
            u.delete();
            assertFalse(Files.exists(u.dir()));
        }
    }

    @Test
    void aCopyWhoseChecksumDiffersIsRefusedAndRemoved() throws Exception {
        nestedJar("one.jar", "hello.txt", "tampered");
        List<NestedJars.Entry> entries = List.of(new NestedJars.Entry("0".repeat(64), "one.jar"));
        try (URLClassLoader outer = outer()) {
            IOException e = assertThrows(IOException.class,
                    () -> NestedJars.unpack(outer, "META-INF/kube-lib/", entries, tmp, PREFIX, MINUTE));
            assertTrue(e.getMessage().contains("SHA-256") && e.getMessage().contains("0".repeat(64)), e.getMessage());
        }
        assertEquals(List.of(), names(tmp), "nothing left behind");
    }

    @Test
    void aJarTheIndexNamesButTheBuildLacksIsAnError() throws Exception {
        List<NestedJars.Entry> entries = List.of(new NestedJars.Entry("0".repeat(64), "missing.jar"));
        try (URLClassLoader outer = outer()) {
            IOException e = assertThrows(IOException.class,
                    () -> NestedJars.unpack(outer, "META-INF/kube-lib/", entries, tmp, PREFIX, MINUTE));
            assertTrue(e.getMessage().contains("missing.jar"), e.getMessage());
        }
        assertEquals(List.of(), names(tmp));
    }

    @Test
    void unpackingFirstDeletesWhatDeadProcessesLeft() throws Exception {
        Path dead = stale("dead", true);
        Path jar = nestedJar("one.jar", "hello.txt", "x");
        List<NestedJars.Entry> entries = List.of(new NestedJars.Entry(NestedJars.sha256(jar), "one.jar"));
        try (URLClassLoader outer = outer()) {
            NestedJars.Unpacked u = NestedJars.unpack(outer, "META-INF/kube-lib/", entries, tmp, PREFIX, MINUTE);
            assertEquals(1, u.swept());
            assertFalse(Files.exists(dead));
            assertEquals(List.of(u.dir().getFileName().toString()), names(tmp));
            u.delete();
        }
    }

    @Test
    void sweepDeletesDirectoriesWhoseLockIsFreeAndOldOnesWithoutLock() throws Exception {
        Path deadOld = stale("dead-old", true);
        Path deadFresh = Files.createDirectory(tmp.resolve(PREFIX + "dead-fresh"));
        Files.createFile(deadFresh.resolve(NestedJars.LOCK));
        Path locklessOld = stale("lockless-old", false);
        Path locklessFresh = Files.createDirectory(tmp.resolve(PREFIX + "lockless-fresh"));
        Path own = stale("own", true);
        Path other = Files.createDirectory(tmp.resolve("unrelated"));
        Files.setLastModifiedTime(other, FileTime.fromMillis(0));
        Path target = Files.createDirectory(dir.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(tmp.resolve(PREFIX + "link"), target);
        Path file = Files.createFile(tmp.resolve(PREFIX + "file"));
        assertEquals(3, NestedJars.sweep(tmp, PREFIX, Files.getOwner(tmp), MINUTE, own));
        assertFalse(Files.exists(deadOld));
        assertFalse(Files.exists(deadFresh), "a free lock is a dead process, however recent");
        assertFalse(Files.exists(locklessOld));
        assertTrue(Files.isDirectory(locklessFresh), "no lock yet: its process may be about to take one");
        assertTrue(Files.isDirectory(own), "the caller's own directory");
        assertTrue(Files.isDirectory(other) && Files.isSymbolicLink(link) && Files.isDirectory(target)
                && Files.isRegularFile(file));
    }

    @Test
    void aLockHeldByAnotherLiveProcessKeepsItsDirectory() throws Exception {
        Path live = stale("live", true);
        // python3's fcntl.lockf takes the same POSIX record lock as FileChannel.lock.
        Process holder;
        try {
            holder = new ProcessBuilder("python3", "-c", "import fcntl, sys\n"
                    + "f = open(sys.argv[1], 'r+')\nfcntl.lockf(f, fcntl.LOCK_EX)\nprint('locked', flush=True)\n"
                    + "sys.stdin.read()\n", live.resolve(NestedJars.LOCK).toString()).start();
        } catch (IOException e) {
            assumeTrue(false, "no python3: " + e);
            return;
        }
        try {
            String line = new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream())).readLine();
            assumeTrue("locked".equals(line), "python3 could not lock");
            assertEquals(0, NestedJars.sweep(tmp, PREFIX, Files.getOwner(tmp), Duration.ZERO, null));
            assertTrue(Files.isDirectory(live), "a live process holds its lock, however old the directory");
        } finally {
            holder.getOutputStream().close();
            holder.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            holder.destroyForcibly();
        }
        assertEquals(1, NestedJars.sweep(tmp, PREFIX, Files.getOwner(tmp), MINUTE, null));
        assertFalse(Files.exists(live), "its process ended, so did the lock");
    }

    private static List<String> names(Path d) throws IOException {
        try (var s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private Path stale(String name, boolean withLock) throws IOException {
        Path d = Files.createDirectory(tmp.resolve(PREFIX + name));
        if (withLock) {
            Files.createFile(d.resolve(NestedJars.LOCK));
        }
        try (OutputStream out = Files.newOutputStream(d.resolve("x.jar"))) {
            out.write(1);
        }
        Files.setPosixFilePermissions(d.resolve("x.jar"), PosixFilePermissions.fromString("r--------"));
        Files.setLastModifiedTime(d, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        return d;
    }
}
