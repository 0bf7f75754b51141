package dev.nodepulse.agent.stats;

import dev.nodepulse.agent.NodeName;
import dev.nodepulse.agent.cadvisor.ContainerMetrics;
import dev.nodepulse.agent.cadvisor.ContainerSnapshots;
import dev.nodepulse.agent.node.StatfsWorkers;
import dev.nodepulse.cli.FlagValues;
import dev.nodepulse.http.Router;
import dev.nodepulse.kubelet.resource.ResourceMetrics;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.natives.Statfs;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

/** Wires /stats/summary and /metrics/resource from flags onto the router. */
public final class StatsEndpoints {

    /** statfs calls at once: two filesystems per summary, concurrent summaries share none of them. */
    private static final int STATFS_WORKERS = 2;

    private StatsEndpoints() {}

    /**
     * @param snapshots the cgroup snapshots; null when the host has none (the endpoints then report errors)
     * @return what /metrics/resource serves, for --push.url
     */
    public static Supplier<ResourceMetrics> route(Router router, FlagValues f, HostPaths paths,
                                                  ContainerSnapshots snapshots) {
        NodeFilesystems fs = new NodeFilesystems(paths, f.string("root-dir"), f.string("stats.image-fs-dir"),
                new StatfsWorkers(Statfs::statfs, STATFS_WORKERS, f.duration("stats.statfs-timeout")),
                Clock.systemUTC());
        SummarySource source = new SummarySource(snapshots, paths, fs,
                NodeName.resolve(f.string("node-name"), System.getenv()),
                Instant.ofEpochMilli(ContainerMetrics.bootMillis(paths)),
                SystemCgroups.of(f.string("kubelet-cgroups"), f.string("runtime-cgroups"), f.string("system-cgroups")),
                f.bool("cadvisor.pressure"), Clock.systemUTC());
        router.route("/stats/summary", "kubelet Summary API (stats/v1alpha1; only_cpu_and_memory=true for the reduced "
                + "form)", new SummaryEndpoint(source));
        ResourceMetricsEndpoint resource = new ResourceMetricsEndpoint(source);
        router.route("/metrics/resource", "kubelet resource metrics (CPU and memory of the node, pods and "
                + "containers) for metrics-server", resource);
        return resource::metrics;
    }
}
