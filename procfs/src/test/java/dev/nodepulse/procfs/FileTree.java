package dev.nodepulse.procfs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A sysfs- or procfs-like tree built file by file in a test's temporary directory: sysfs attributes are one
 * value and a newline each, so writing them inline in the test keeps the fixture next to its assertions.
 * Symlinks are made as the kernel makes them (Maven resources cannot carry them).
 */
public final class FileTree {

    private final Path root;

    public FileTree(Path root) {
        this.root = root;
    }

    /** A new tree under {@code parent} holding a copy of {@code source} at {@code relative}, for tests that change it. */
    public static FileTree copyOf(Path source, Path parent, String relative) throws IOException {
        Path root = Files.createTempDirectory(parent, "tree");
        try (java.util.stream.Stream<Path> all = Files.walk(source)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path to = root.resolve(relative).resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return new FileTree(root);
    }

    public Path root() {
        return root;
    }

    public Path path(String relative) {
        return root.resolve(relative);
    }

    /** Writes {@code content} exactly (include the kernel's trailing newline yourself). */
    public FileTree file(String relative, String content) {
        try {
            Path p = root.resolve(relative);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One sysfs attribute: the value and a newline. */
    public FileTree attr(String relative, String value) {
        return file(relative, value + "\n");
    }

    public FileTree bytes(String relative, byte[] content) {
        try {
            Path p = root.resolve(relative);
            Files.createDirectories(p.getParent());
            Files.write(p, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public FileTree dir(String relative) {
        try {
            Files.createDirectories(root.resolve(relative));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A symlink at {@code relative} pointing to {@code target} (kept relative, as sysfs writes them). */
    public FileTree link(String relative, String target) {
        try {
            Path p = root.resolve(relative);
            Files.createDirectories(p.getParent());
            Files.createSymbolicLink(p, Path.of(target));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file the test user cannot read, like root-only DMI serials; false when running as root. */
    public boolean unreadable(String relative, String content) {
        file(relative, content);
        Path p = root.resolve(relative);
        p.toFile().setReadable(false, false);
        return !Files.isReadable(p);
    }
}
