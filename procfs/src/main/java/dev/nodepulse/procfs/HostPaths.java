package dev.nodepulse.procfs;

import java.nio.file.Path;

/**
 * Where the host's trees are mounted. In a DaemonSet the host is usually under /host; in tests these
 * point at fixture trees. Every reader resolves its files through this, never through a literal "/proc".
 */
public record HostPaths(Path procfs, Path sysfs, Path rootfs, Path udevData) {

    public static HostPaths defaults() {
        return new HostPaths(Path.of("/proc"), Path.of("/sys"), Path.of("/"), Path.of("/run/udev/data"));
    }

    public Path proc(String first, String... more) {
        return procfs.resolve(Path.of(first, more));
    }

    public Path sys(String first, String... more) {
        return sysfs.resolve(Path.of(first, more));
    }

    /** A host path (like "/etc/os-release") seen through --path.rootfs. */
    public Path root(String hostPath) {
        String relative = hostPath.startsWith("/") ? hostPath.substring(1) : hostPath;
        return relative.isEmpty() ? rootfs : rootfs.resolve(relative);
    }

    /**
     * The inverse of {@link #root}: a path as the host sees it. Mount points read from mountinfo under a
     * rootfs prefix are reported without that prefix, as node_exporter does.
     */
    public String stripRoot(String path) {
        String prefix = rootfs.toString();
        if (prefix.equals("/") || prefix.isEmpty()) {
            return path;
        }
        if (path.equals(prefix)) {
            return "/";
        }
        if (path.startsWith(prefix + "/")) {
            return path.substring(prefix.length());
        }
        return path;
    }
}
