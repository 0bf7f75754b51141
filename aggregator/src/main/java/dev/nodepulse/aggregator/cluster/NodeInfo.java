package dev.nodepulse.aggregator.cluster;

import java.util.List;
import java.util.Map;

/**
 * What the aggregator keeps of a Node: its labels (selectors, NodeMetrics labels), addresses and kubelet port
 * (where to scrape), the resource-metrics-path annotation and whether it is Ready (for log levels).
 */
public record NodeInfo(String name, Map<String, String> labels, List<Address> addresses, int kubeletPort,
        String resourceMetricsPath, boolean ready) {

    /** One status.addresses entry. */
    public record Address(String type, String address) {}

    public NodeInfo {
        labels = labels == null ? Map.of() : labels;
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
    }
}
