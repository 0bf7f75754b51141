package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorCatalog;
import dev.nodepulse.agent.collector.EnabledCollectors;
import dev.nodepulse.cli.FlagSet;
import dev.nodepulse.procfs.HostPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A fake host for collector tests: proc/ and sys/ under a temporary directory that is also the root file
 * system, written file by file in the kernel's format. Lookups of what a collector published are in
 * {@link SinkValues}.
 */
final class FakeHost {

    final Path root;
    final HostPaths paths;

    FakeHost(Path root) {
        this.root = root;
        this.paths = new HostPaths(root.resolve("proc"), root.resolve("sys"), root, root.resolve("udev"));
        dir("proc").dir("sys");
    }

    Path path(String relative) {
        return root.resolve(relative);
    }

    /** Writes a file under the tree ("proc/net/arp", "sys/class/...") exactly as given. */
    FakeHost file(String relative, String content) {
        try {
            Path p = root.resolve(relative);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sysfs attribute: value plus newline. */
    FakeHost attr(String relative, String value) {
        return file(relative, value + "\n");
    }

    FakeHost proc(String relative, String content) {
        return file("proc/" + relative, content);
    }

    FakeHost sys(String relative, String content) {
        return file("sys/" + relative, content);
    }

    FakeHost rootfs(String relative, String content) {
        return file(relative, content);
    }

    FakeHost dir(String relative) {
        try {
            Files.createDirectories(root.resolve(relative));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    FakeHost sysDir(String relative) {
        return dir("sys/" + relative);
    }

    /** A relative symlink, as sysfs links class entries to devices. */
    FakeHost link(String relative, String target) {
        try {
            Path p = root.resolve(relative);
            Files.createDirectories(p.getParent());
            Files.createSymbolicLink(p, Path.of(target));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    FakeHost sysLink(String relative, String target) {
        return link("sys/" + relative, target);
    }

    /** Writes one file anywhere, its directories created. */
    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    void deleteProc(String relative) throws IOException {
        Files.delete(paths.procfs().resolve(relative));
    }

    void deleteSys(String relative) throws IOException {
        Files.delete(paths.sysfs().resolve(relative));
    }

    /** The enabled collectors as the agent would build them from this command line. */
    Map<String, Collector> collectors(String... args) throws Exception {
        FlagSet flags = new FlagSet("test");
        EnabledCollectors.defineFlags(flags, CollectorCatalog.all());
        return EnabledCollectors.create(flags.parse(args), paths, CollectorCatalog.all());
    }
}
