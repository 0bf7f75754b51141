package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorContext;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.agent.collector.DeviceFilter;
import dev.nodepulse.cli.Flag;
import dev.nodepulse.log.Log;
import dev.nodepulse.metrics.Family;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.natives.Statfs;
import dev.nodepulse.procfs.natives.StatfsResult;
import dev.nodepulse.procfs.proc.MountInfo;
import dev.nodepulse.procfs.proc.MountinfoParser;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * node_filesystem_* from the mount table of PID 1 and statfs(2) of each mount point, like node_exporter's
 * filesystem collector on Linux. statfs runs through {@link StatfsWorkers}, so a hung mount is reported
 * with {@code device_error="mountpoint timeout"} instead of stalling the scrape.
 */
public final class FilesystemCollector implements Collector {

    static final String DEFAULT_MOUNT_POINTS_EXCLUDE =
            "^/(dev|proc|run/credentials/.+|sys|var/lib/docker/.+|var/lib/containers/storage/.+)($|/)";
    static final String DEFAULT_FS_TYPES_EXCLUDE =
            "^(autofs|binfmt_misc|bpf|cgroup2?|configfs|debugfs|devpts|devtmpfs|fusectl|hugetlbfs|iso9660|mqueue"
                    + "|nsfs|overlay|proc|procfs|pstore|rpc_pipefs|securityfs|selinuxfs|squashfs|erofs|sysfs|tracefs)$";

    public static final CollectorSpec SPEC = CollectorSpec.of("filesystem", true, FilesystemCollector::create,
                    Flag.regex("collector.filesystem.mount-points-exclude", DEFAULT_MOUNT_POINTS_EXCLUDE,
                            "Regexp of mount points to exclude for filesystem collector. (mutually exclusive to mount-points-include)"),
                    Flag.regex("collector.filesystem.mount-points-include", "",
                            "Regexp of mount points to include for filesystem collector. (mutually exclusive to mount-points-exclude)"),
                    Flag.regex("collector.filesystem.fs-types-exclude", DEFAULT_FS_TYPES_EXCLUDE,
                            "Regexp of filesystem types to exclude for filesystem collector. (mutually exclusive to fs-types-include)"),
                    Flag.regex("collector.filesystem.fs-types-include", "",
                            "Regexp of filesystem types to include for filesystem collector. (mutually exclusive to fs-types-exclude)"),
                    Flag.duration("collector.filesystem.mount-timeout", "5s",
                            "how long to wait for a mount to respond before marking it as stale"),
                    Flag.integer("collector.filesystem.stat-workers", 4,
                            "how many stat calls to process simultaneously"))
            .withAlias("collector.filesystem.ignored-mount-points", "collector.filesystem.mount-points-exclude")
            .withAlias("collector.filesystem.ignored-fs-types", "collector.filesystem.fs-types-exclude");

    private static final Log LOG = Log.get(FilesystemCollector.class);

    private static final String[] LABELS = {"device", "mountpoint", "fstype", "device_error"};

    private final HostPaths paths;
    private final DeviceFilter mountPointFilter;
    private final DeviceFilter fsTypeFilter;
    private final StatfsWorkers workers;

    FilesystemCollector(HostPaths paths, DeviceFilter mountPointFilter, DeviceFilter fsTypeFilter,
                        StatfsWorkers workers) {
        this.paths = paths;
        this.mountPointFilter = mountPointFilter;
        this.fsTypeFilter = fsTypeFilter;
        this.workers = workers;
    }

    static FilesystemCollector create(CollectorContext ctx) {
        Duration timeout = ctx.duration("mount-timeout");
        int statWorkers = Math.max(1, ctx.integer("stat-workers"));
        return new FilesystemCollector(ctx.paths(),
                ctx.deviceFilter("mount-points-include", "mount-points-exclude"),
                ctx.deviceFilter("fs-types-include", "fs-types-exclude"),
                new StatfsWorkers(Statfs::statfs, statWorkers, timeout));
    }

    /** One mount that passed the filters, with its labels as published. */
    record Candidate(String device, String mountPoint, String fsType, int major, int minor, boolean readOnly) {}

    @Override
    public void update(MetricSink sink) throws Exception {
        List<Candidate> candidates = candidates(readMounts());
        List<StatfsWorkers.Request> requests = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            requests.add(new StatfsWorkers.Request(c.mountPoint(), paths.root(c.mountPoint()).toString()));
        }
        List<StatfsOutcome> outcomes = workers.statAll(requests);

        Family deviceError = sink.gauge("node_filesystem_device_error",
                "Whether an error occurred while getting statistics for the given device.", LABELS);
        Family readonly = sink.gauge("node_filesystem_readonly", "Filesystem read-only status.", LABELS);
        Family size = sink.gauge("node_filesystem_size_bytes", "Filesystem size in bytes.", LABELS);
        Family free = sink.gauge("node_filesystem_free_bytes", "Filesystem free space in bytes.", LABELS);
        Family avail = sink.gauge("node_filesystem_avail_bytes",
                "Filesystem space available to non-root users in bytes.", LABELS);
        Family files = sink.gauge("node_filesystem_files", "Filesystem total file nodes.", LABELS);
        Family filesFree = sink.gauge("node_filesystem_files_free", "Filesystem total free file nodes.", LABELS);
        Family mountInfo = sink.gauge("node_filesystem_mount_info", "Filesystem mount information.",
                "device", "major", "minor", "mountpoint");
        Family purgeable = sink.gauge("node_filesystem_purgeable_bytes",
                "Filesystem space available including purgeable space (MacOS specific).", LABELS);

        // A mount point mounted twice with the same device is published once, as node_exporter does.
        Set<List<String>> seen = new HashSet<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            StatfsOutcome o = outcomes.get(i);
            String error = o.error() == null ? "" : o.error();
            String major = Integer.toString(c.major());
            String minor = Integer.toString(c.minor());
            if (!seen.add(List.of(c.device(), c.mountPoint(), c.fsType(), error, major, minor))) {
                continue;
            }
            String[] labels = {c.device(), c.mountPoint(), c.fsType(), error};
            // node_exporter does not look at the mount options of a mount it already knows to be stuck.
            double ro = !o.timedOut() && c.readOnly() ? 1 : 0;
            deviceError.add(o.error() == null ? 0 : 1, labels);
            readonly.add(ro, labels);
            if (o.error() != null) {
                continue;
            }
            StatfsResult r = o.result();
            size.add(r.sizeBytes(), labels);
            free.add(r.freeBytes(), labels);
            avail.add(r.availBytes(), labels);
            files.add(unsigned(r.files()), labels);
            filesFree.add(unsigned(r.filesFree()), labels);
            mountInfo.add(1, c.device(), major, minor, c.mountPoint());
            // Linux has no purgeable space; node_exporter publishes the 0 its Linux code leaves there.
            purgeable.add(0, labels);
        }
    }

    private List<MountInfo> readMounts() throws Exception {
        Path pid1 = paths.proc("1", "mountinfo");
        try {
            return MountinfoParser.parse(SmallFiles.read(pid1), pid1.toString());
        } catch (NoSuchFileException e) {
            // hidepid hides PID 1 from an unprivileged reader; our own table is the next best thing.
            LOG.debug("Reading root mounts failed, falling back to self mounts", "err", e.getMessage());
            Path self = paths.proc("self", "mountinfo");
            return MountinfoParser.parse(SmallFiles.read(self), self.toString());
        }
    }

    List<Candidate> candidates(List<MountInfo> mounts) {
        List<Candidate> out = new ArrayList<>(mounts.size());
        for (MountInfo m : mounts) {
            String mountPoint = paths.stripRoot(MountinfoParser.unescapeMountPoint(m.mountPoint()));
            if (mountPointFilter.ignored(mountPoint)) {
                LOG.debug("Ignoring mount point", "mountpoint", mountPoint);
                continue;
            }
            if (fsTypeFilter.ignored(m.fsType())) {
                LOG.debug("Ignoring fs type", "type", m.fsType());
                continue;
            }
            out.add(new Candidate(m.source(), mountPoint, m.fsType(), m.major(), m.minor(), m.readOnly()));
        }
        return out;
    }

    private static double unsigned(long v) {
        return dev.nodepulse.procfs.io.Numbers.unsignedToDouble(v);
    }
}
