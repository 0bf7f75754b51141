package dev.nodepulse.aggregator.storage;

import java.util.List;

/**
 * A pod's servable usage: its containers (sorted by name) and the timestamp and window of the container whose
 * point is the earliest, as metrics-server reports a pod.
 */
public record PodUsage(PodRef pod, long timestampNanos, long windowNanos, List<ContainerUsage> containers) {

    public PodUsage {
        containers = List.copyOf(containers);
    }
}
