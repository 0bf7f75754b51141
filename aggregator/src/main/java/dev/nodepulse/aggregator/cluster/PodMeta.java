package dev.nodepulse.aggregator.cluster;

import java.util.Map;

/** A running pod as the metadata informer keeps it: namespace, name, labels. */
public record PodMeta(String namespace, String name, Map<String, String> labels) {

    public PodMeta {
        labels = labels == null ? Map.of() : labels;
    }
}
