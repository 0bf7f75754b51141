package dev.nodepulse.aggregator.storage;

import java.util.Map;

/**
 * What one node reported in one scrape or push, already cleaned as metrics-server's decoder cleans it: the
 * node point (null when it was incomplete) and the pods whose containers all had CPU and memory, each with its
 * containers' points by container name.
 */
public record NodeBatch(MetricsPoint node, Map<PodRef, Map<String, MetricsPoint>> pods) {

    public NodeBatch {
        pods = Map.copyOf(pods);
    }
}
