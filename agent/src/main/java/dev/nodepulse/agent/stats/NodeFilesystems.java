package dev.nodepulse.agent.stats;

import dev.nodepulse.agent.node.StatfsOutcome;
import dev.nodepulse.agent.node.StatfsWorkers;
import dev.nodepulse.cgroups.runtime.RuntimeKind;
import dev.nodepulse.log.Log;
import dev.nodepulse.procfs.HostPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The two filesystems a summary describes, each read with one statfs(2) under a deadline (a hung mount costs its
 * fields, never the response): the one holding the kubelet's root dir, and the runtime's image filesystem.
 */
public final class NodeFilesystems {

    private static final Log LOG = Log.get(NodeFilesystems.class);

    /**
     * Host directories on each runtime's image filesystem, the first that exists wins: where CRI ImageFsInfo points
     * (containerd's snapshotter, CRI-O's storage root, Docker's root; k3s keeps containerd's under its data dir).
     */
    static final Map<RuntimeKind, List<String>> IMAGE_FS_DIRS = Map.of(
            RuntimeKind.CONTAINERD, List.of("/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs",
                    "/var/lib/rancher/k3s/agent/containerd/io.containerd.snapshotter.v1.overlayfs",
                    "/var/lib/containerd"),
            RuntimeKind.CRIO, List.of("/var/lib/containers/storage"),
            RuntimeKind.DOCKER, List.of("/var/lib/docker"));

    /** statfs results of one request; a field is null when its filesystem is unknown or did not answer in time. */
    public record Result(FsUsage rootFs, FsUsage imageFs) {}

    private final HostPaths paths;
    private final String rootDir;
    private final String imageFsDir;
    private final StatfsWorkers workers;
    private final Clock clock;

    /**
     * @param rootDir    the kubelet's root dir as a host path
     * @param imageFsDir a host path on the image filesystem; null or empty to follow the runtime in use
     */
    public NodeFilesystems(HostPaths paths, String rootDir, String imageFsDir, StatfsWorkers workers, Clock clock) {
        this.paths = paths;
        this.rootDir = rootDir;
        this.imageFsDir = imageFsDir == null || imageFsDir.isBlank() ? null : imageFsDir;
        this.workers = workers;
        this.clock = clock;
    }

    /** @param runtime the runtime the node's containers run under, null when no container names one */
    public Result read(RuntimeKind runtime) {
        Path root = existing(List.of(rootDir));
        Path image = existing(imageFsCandidates(runtime));
        List<StatfsWorkers.Request> requests = new ArrayList<>(2);
        if (root != null) {
            requests.add(new StatfsWorkers.Request(root.toString(), root.toString()));
        }
        if (image != null) {
            requests.add(new StatfsWorkers.Request(image.toString(), image.toString()));
        }
        List<StatfsOutcome> outcomes;
        try {
            outcomes = workers.statAll(requests);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(null, null);
        }
        java.time.Instant now = clock.instant();
        int i = 0;
        FsUsage rootFs = null;
        FsUsage imageFs = null;
        if (root != null) {
            rootFs = usage(outcomes.get(i++), root, now);
        }
        if (image != null) {
            imageFs = usage(outcomes.get(i), image, now);
        }
        return new Result(rootFs, imageFs);
    }

    private List<String> imageFsCandidates(RuntimeKind runtime) {
        if (imageFsDir != null) {
            return List.of(imageFsDir);
        }
        if (runtime != null) {
            return IMAGE_FS_DIRS.get(runtime);
        }
        List<String> all = new ArrayList<>();
        for (RuntimeKind k : RuntimeKind.values()) {
            all.addAll(IMAGE_FS_DIRS.get(k));
        }
        return all;
    }

    private Path existing(List<String> hostPaths) {
        for (String h : hostPaths) {
            Path p = paths.root(h);
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        return null;
    }

    private static FsUsage usage(StatfsOutcome o, Path path, java.time.Instant now) {
        if (o.result() == null) {
            LOG.debug("statfs failed; its summary fields are left out", "path", path.toString(), "err", o.error());
            return null;
        }
        return FsUsage.of(o.result(), now);
    }
}
