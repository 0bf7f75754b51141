package dev.nodepulse.cgroups.snapshot;

import dev.nodepulse.cgroups.CgroupLayout;
import dev.nodepulse.cgroups.discovery.CgroupKind;
import java.util.List;

/**
 * One walk of the cgroup tree: every tracked cgroup read once, all under one timestamp. Immutable; the
 * three surfaces (/metrics/cadvisor, /metrics/resource, /stats/summary) are all rendered from it.
 *
 * @param timestampMillis wall-clock time the walk started
 * @param walkNanos       how long the walk took
 * @param vanished        cgroups that disappeared while being read (stopped containers) and were left out
 * @param errors          cgroups that could not be read, with why; the walk went on without them
 */
public record CgroupSnapshot(long timestampMillis, long walkNanos, CgroupLayout layout, List<CgroupSample> samples,
                             List<PodSample> pods, int vanished, List<String> errors) {

    public CgroupSnapshot {
        samples = List.copyOf(samples);
        pods = List.copyOf(pods);
        errors = List.copyOf(errors);
    }

    /** The node root ("/"), or null when even the root could not be read. */
    public CgroupSample root() {
        for (CgroupSample s : samples) {
            if (s.kind() == CgroupKind.ROOT) {
                return s;
            }
        }
        return null;
    }

    /** The sample of cgroup {@code id}, or null. */
    public CgroupSample byId(String id) {
        for (CgroupSample s : samples) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        return null;
    }
}
