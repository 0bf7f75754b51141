package dev.nodepulse.agent.node;

import dev.nodepulse.procfs.HostPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A fake host under a temporary directory: proc/, sys/ and a root file system. */
final class ProcTree {

    final Path root;
    final HostPaths paths;

    ProcTree(Path root) {
        this.root = root;
        this.paths = new HostPaths(root.resolve("proc"), root.resolve("sys"), root.resolve("rootfs"), root.resolve("udev"));
    }

    ProcTree proc(String relative, String content) throws IOException {
        return write(paths.procfs().resolve(relative), content);
    }

    ProcTree sys(String relative, String content) throws IOException {
        return write(paths.sysfs().resolve(relative), content);
    }

    ProcTree rootfs(String relative, String content) throws IOException {
        return write(paths.rootfs().resolve(relative), content);
    }

    private ProcTree write(Path p, String content) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return this;
    }
}
