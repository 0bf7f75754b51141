package dev.nodepulse.kubelet.stats;

import java.util.List;

/**
 * The kubelet's /stats/summary document (stats/v1alpha1 Summary). {@code pods} is always serialised; the
 * kubelet sends an empty array when no pod has stats, and {@code null} only if a producer leaves it unset.
 */
public record Summary(NodeStats node, List<PodStats> pods) {}
