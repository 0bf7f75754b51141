package dev.nodepulse.agent.cadvisor;

import dev.nodepulse.cgroups.runtime.MetadataResolver;
import dev.nodepulse.cgroups.snapshot.CgroupSnapshot;
import dev.nodepulse.metrics.MetricSink;

/**
 * The health of the cgroup walk behind the container endpoints, published on /metrics beside the agent's own
 * process metrics: a cgroup or runtime state file that cannot be read leaves rows out of /metrics/cadvisor, and
 * this is where that shows.
 */
public final class CgroupWalkMetrics {

    private final ContainerSnapshots snapshots;
    private final MetadataResolver metadata;

    public CgroupWalkMetrics(ContainerSnapshots snapshots, MetadataResolver metadata) {
        this.snapshots = snapshots;
        this.metadata = metadata;
    }

    public void collect(MetricSink sink) {
        sink.counter("nodepulse_cgroup_walks_total", "Walks of the cgroup tree (scrapes that joined one in flight "
                + "do not count).").add(snapshots.walks());
        sink.counter("nodepulse_cgroup_walk_failures_total", "Walks of the cgroup tree that failed as a whole.")
                .add(snapshots.failedWalks());
        sink.counter("nodepulse_cgroup_read_errors_total", "Cgroups left out of a walk because they could not be "
                + "read (the first reason is logged).").add(snapshots.unreadCgroups());
        sink.counter("nodepulse_cgroup_vanished_total", "Cgroups that disappeared while a walk read them "
                + "(stopped containers).").add(snapshots.vanishedCgroups());
        sink.counter("nodepulse_container_metadata_errors_total", "Containers whose runtime state (OCI bundle, "
                + "CRI-O or Docker config) could not be parsed; they keep only their id.")
                .add(metadata.malformedTotal());
        CgroupSnapshot last = snapshots.latest();
        if (last != null) {
            sink.gauge("nodepulse_cgroup_walk_duration_seconds", "Duration of the newest cgroup walk.")
                    .add(last.walkNanos() / 1e9);
            sink.gauge("nodepulse_cgroup_walk_cgroups", "Cgroups in the newest walk.").add(last.samples().size());
        }
    }
}
