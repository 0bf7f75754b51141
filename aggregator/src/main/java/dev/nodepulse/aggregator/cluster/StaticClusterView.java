package dev.nodepulse.aggregator.cluster;

import dev.nodepulse.aggregator.storage.MetricsStorage;
import dev.nodepulse.aggregator.storage.PodRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Without an API server: the nodes named by {@code --static-node} (no labels) and whatever pods the agents
 * report with servable metrics (no labels either, so a label selector other than "everything" matches none).
 */
public final class StaticClusterView implements ClusterView {

    private final List<String> nodeNames;
    private final MetricsStorage storage;

    public StaticClusterView(List<String> nodeNames, MetricsStorage storage) {
        this.nodeNames = List.copyOf(nodeNames);
        this.storage = storage;
    }

    @Override
    public List<NodeInfo> nodes(LabelSelector selector) {
        List<NodeInfo> out = new ArrayList<>();
        if (selector.matches(Map.of())) {
            for (String n : nodeNames) {
                out.add(new NodeInfo(n, Map.of(), List.of(), 0, null, true));
            }
        }
        return out;
    }

    @Override
    public NodeInfo node(String name) {
        return nodeNames.contains(name) ? new NodeInfo(name, Map.of(), List.of(), 0, null, true) : null;
    }

    @Override
    public List<PodMeta> pods(String namespace, LabelSelector selector) {
        List<PodMeta> out = new ArrayList<>();
        if (!selector.matches(Map.of())) {
            return out;
        }
        for (PodRef r : storage.servablePods()) {
            if (namespace.isEmpty() || namespace.equals(r.namespace())) {
                out.add(new PodMeta(r.namespace(), r.name(), Map.of()));
            }
        }
        return out;
    }

    @Override
    public PodMeta pod(String namespace, String name) {
        PodRef r = new PodRef(namespace, name);
        return storage.podUsage(r).isPresent() ? new PodMeta(namespace, name, Map.of()) : null;
    }

    @Override
    public boolean synced() {
        return true;
    }
}
