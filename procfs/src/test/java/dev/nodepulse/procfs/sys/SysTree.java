package dev.nodepulse.procfs.sys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds a fake sysfs under a test's temporary directory: files, directories and relative symlinks. */
final class SysTree {

    final Path root;

    SysTree(Path root) {
        this.root = root;
    }

    SysTree file(String rel, String content) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return this;
    }

    SysTree dir(String rel) throws IOException {
        Files.createDirectories(root.resolve(rel));
        return this;
    }

    /** A symlink at {@code rel} pointing to {@code target}, relative to the link's directory like sysfs' own. */
    SysTree link(String rel, String target) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.createSymbolicLink(p, Path.of(target));
        return this;
    }
}
