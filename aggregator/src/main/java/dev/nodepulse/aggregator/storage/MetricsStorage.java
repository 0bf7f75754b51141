package dev.nodepulse.aggregator.storage;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The store between scraper and API: the scraper (or a push) stores one node's batch at a time; the API asks
 * for usage of the nodes and pods it is allowed to show.
 */
public interface MetricsStorage {

    /** Replaces what {@code node} reported last; a null batch (the scrape failed) forgets the node. */
    void store(String node, NodeBatch batch);

    /** Forgets every node not in {@code keep}. */
    void retainNodes(Collection<String> keep);

    Optional<NodeUsage> nodeUsage(String node);

    Optional<PodUsage> podUsage(PodRef pod);

    /** Every pod that currently has usage to serve (for runs without a pod informer). */
    List<PodRef> servablePods();

    /** Ready when a node and a pod can be served (or nodes can and none reported a pod). */
    boolean ready();

    /** Nodes and containers for which a value can be served: metrics_server_storage_points. */
    long servableNodePoints();

    long servableContainerPoints();
}
