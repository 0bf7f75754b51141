package dev.nodepulse.cgroups.snapshot;

import dev.nodepulse.cgroups.discovery.QosClass;
import dev.nodepulse.cgroups.stats.InterfaceStats;
import java.util.List;

/**
 * One pod as /stats/summary and /metrics/resource see it: the pod cgroup (totals), its app containers
 * (sandbox excluded) and the network of its namespace.
 *
 * @param sandbox    the sandbox/infra container's sample, null when the runtime runs none (CRI-O drop_infra_ctr)
 * @param network    interfaces of the pod's network namespace, read through any of its processes; null when no
 *                   process could be found
 */
public record PodSample(PodRef ref, QosClass qos, CgroupSample podCgroup, CgroupSample sandbox,
                        List<CgroupSample> containers, List<InterfaceStats> network) {

    public PodSample {
        containers = List.copyOf(containers);
        network = network == null ? null : List.copyOf(network);
    }

    /** The pod's start: its sandbox's creation when known, else the pod cgroup's. */
    public long startTimeMillis() {
        if (sandbox != null && sandbox.startTimeMillis() > 0) {
            return sandbox.startTimeMillis();
        }
        return podCgroup.startTimeMillis();
    }
}
