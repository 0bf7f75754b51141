package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.natives.Statfs;
import dev.nodepulse.procfs.natives.StatfsResult;
import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.proc.MountInfo;
import dev.nodepulse.procfs.proc.MountinfoParser;
import dev.nodepulse.procfs.proc.SelinuxConfigParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * SELinux state, determined as node_exporter's go-selinux library does it (not through libselinux): SELinux
 * is enabled when a writable selinuxfs is mounted (/sys/fs/selinux, else found through /proc/filesystems and
 * /proc/self/mountinfo) and this process' context is not "kernel". The configured mode comes from
 * /etc/selinux/config, the current one from selinuxfs' enforce file.
 *
 * <p>Like go-selinux, these are the agent's own paths, not --path.rootfs/--path.sysfs: in a container that
 * mounts selinuxfs read-only, SELinux counts as disabled, as it does for node_exporter. Whether SELinux is
 * enabled is decided once, at the first scrape.
 */
public final class SelinuxCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("selinux", true, ctx -> new SelinuxCollector(Path.of("/")));

    private static final long SELINUX_MAGIC = 0xf97cff8cL;
    private static final long ST_RDONLY = 1;

    private final Path root;
    private Boolean enabled;
    private String mountPoint;

    /** @param root "/" in production; tests point it at a fixture tree (statfs then decides nothing) */
    public SelinuxCollector(Path root) {
        this.root = root;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        if (enabled == null) {
            mountPoint = findMount();
            enabled = mountPoint != null && !"kernel".equals(currentLabel());
        }
        if (!enabled) {
            sink.gauge("node_selinux_enabled", "SELinux is enabled, 1 is true, 0 is false").add(0);
            return;
        }
        sink.gauge("node_selinux_enabled", "SELinux is enabled, 1 is true, 0 is false").add(1);
        String config = read("etc/selinux/config");
        sink.gauge("node_selinux_config_mode", "Configured SELinux enforcement mode")
                .add(SelinuxConfigParser.defaultMode(config == null ? "" : config));
        String enforce = SmallFiles.readIfPresent(Path.of(mountPoint, "enforce"));
        sink.gauge("node_selinux_current_mode", "Current SELinux enforcement mode")
                .add(enforce == null ? -1 : SelinuxConfigParser.enforceMode(enforce));
    }

    private String findMount() {
        String fast = root.resolve("sys/fs/selinux").toString();
        if (isWritableSelinuxfs(fast)) {
            return fast;
        }
        String filesystems = read("proc/filesystems");
        if (filesystems == null || !filesystems.contains("\tselinuxfs\n")) {
            return null;
        }
        String mountinfo = read("proc/self/mountinfo");
        if (mountinfo == null) {
            return null;
        }
        List<MountInfo> mounts;
        try {
            mounts = MountinfoParser.parse(mountinfo, "/proc/self/mountinfo");
        } catch (ParseException e) {
            return null;
        }
        for (String m : SelinuxConfigParser.selinuxfsMounts(mounts)) {
            if (isWritableSelinuxfs(m)) {
                return m;
            }
        }
        return null;
    }

    private static boolean isWritableSelinuxfs(String path) {
        try {
            StatfsResult r = Statfs.statfs(path);
            return (r.type() & 0xffffffffL) == SELINUX_MAGIC && (r.flags() & ST_RDONLY) == 0;
        } catch (IOException | RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** This thread's SELinux context without its trailing NUL; "" when unreadable. */
    private String currentLabel() {
        String s = read("proc/thread-self/attr/current");
        if (s == null) {
            return "";
        }
        return s.endsWith("\0") ? s.substring(0, s.length() - 1) : s;
    }

    private String read(String relative) {
        return SmallFiles.readIfPresent(root.resolve(relative));
    }
}
