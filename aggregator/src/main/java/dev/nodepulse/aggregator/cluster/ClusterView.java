package dev.nodepulse.aggregator.cluster;

import java.util.List;

/**
 * The Node and Pod objects the API may serve metrics for, as metrics-server's listers give them: nodes from the
 * node informer (or the static list), running pods from the pod metadata informer (or, without an API server,
 * the pods the agents report).
 */
public interface ClusterView {

    /** Nodes matching the selector, in no particular order. */
    List<NodeInfo> nodes(LabelSelector selector);

    /** The node, or null when there is none by that name. */
    NodeInfo node(String name);

    /** Running pods in {@code namespace} ("" = all) matching the selector. */
    List<PodMeta> pods(String namespace, LabelSelector selector);

    /** The running pod, or null. */
    PodMeta pod(String namespace, String name);

    /** Whether node and pod caches are filled (readyz: metric-informer-sync). */
    boolean synced();
}
