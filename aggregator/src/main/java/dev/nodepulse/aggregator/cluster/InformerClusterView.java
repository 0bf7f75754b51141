package dev.nodepulse.aggregator.cluster;

import dev.nodepulse.json.JsonException;
import dev.nodepulse.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Nodes and running pods from two informers, as metrics-server sets them up: full Node objects (decoded to
 * {@link NodeInfo}) and pod metadata only (PartialObjectMetadata, field selector {@code status.phase=Running}),
 * with pods indexed by namespace for the HPA's per-namespace lists.
 */
public final class InformerClusterView implements ClusterView, AutoCloseable {

    static final String RESOURCE_METRICS_PATH = "metrics.k8s.io/resource-metrics-path";
    private static final String JSON = "application/json";
    private static final String META_LIST = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json";
    private static final String META = "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1,application/json";

    private final Informer<NodeInfo> nodes;
    private final Informer<PodMeta> pods;
    private final LabelSelector nodeSelector;
    private final Map<String, Map<String, PodMeta>> byNamespace = new ConcurrentHashMap<>();

    public InformerClusterView(KubeApi api, LabelSelector nodeSelector) {
        this.nodeSelector = nodeSelector;
        this.nodes = new Informer<>("nodes", api, "/api/v1/nodes", Map.of(), JSON, JSON, new Informer.Codec<>() {
            @Override
            public NodeInfo decode(JsonObject item) throws JsonException {
                return decodeNode(item);
            }

            @Override
            public String key(NodeInfo n) {
                return n.name();
            }
        }, null);
        this.pods = new Informer<>("pods", api, "/api/v1/pods", Map.of("fieldSelector", "status.phase=Running"),
                META_LIST, META, new Informer.Codec<>() {
                    @Override
                    public PodMeta decode(JsonObject item) throws JsonException {
                        JsonObject m = item.object("metadata");
                        if (m == null) {
                            throw new JsonException(item.path() + ": no metadata");
                        }
                        return new PodMeta(m.stringOrEmpty("namespace"), m.stringOrEmpty("name"),
                                LabelMaps.intern(m.stringMap("labels")));
                    }

                    @Override
                    public String key(PodMeta p) {
                        return p.namespace() + "/" + p.name();
                    }
                }, (old, now) -> {
                    if (old != null && now == null) {
                        Map<String, PodMeta> ns = byNamespace.get(old.namespace());
                        if (ns != null) {
                            ns.remove(old.name());
                        }
                    } else if (now != null) {
                        byNamespace.computeIfAbsent(now.namespace(), k -> new ConcurrentHashMap<>()).put(now.name(), now);
                    }
                });
    }

    public InformerClusterView start() {
        nodes.start();
        pods.start();
        return this;
    }

    static NodeInfo decodeNode(JsonObject item) throws JsonException {
        JsonObject m = item.object("metadata");
        if (m == null) {
            throw new JsonException(item.path() + ": no metadata");
        }
        Map<String, String> annotations = m.stringMap("annotations");
        String path = annotations == null ? null : annotations.get(RESOURCE_METRICS_PATH);
        List<NodeInfo.Address> addresses = new ArrayList<>();
        int port = 0;
        boolean ready = false;
        JsonObject status = item.object("status");
        if (status != null) {
            List<JsonObject> list = status.objects("addresses");
            if (list != null) {
                for (JsonObject a : list) {
                    addresses.add(new NodeInfo.Address(a.stringOrEmpty("type"), a.stringOrEmpty("address")));
                }
            }
            JsonObject endpoints = status.object("daemonEndpoints");
            JsonObject kubelet = endpoints == null ? null : endpoints.object("kubeletEndpoint");
            Long p = kubelet == null ? null : kubelet.signed("Port");
            port = p == null ? 0 : p.intValue();
            List<JsonObject> conditions = status.objects("conditions");
            if (conditions != null) {
                for (JsonObject c : conditions) {
                    if ("Ready".equals(c.string("type"))) {
                        ready = "True".equals(c.string("status"));
                    }
                }
            }
        }
        return new NodeInfo(m.stringOrEmpty("name"), LabelMaps.intern(m.stringMap("labels")), addresses, port,
                path == null || path.isEmpty() ? null : path, ready);
    }

    @Override
    public List<NodeInfo> nodes(LabelSelector selector) {
        List<NodeInfo> out = new ArrayList<>();
        for (NodeInfo n : nodes.items()) {
            if (selector.matches(n.labels()) && nodeSelector.matches(n.labels())) {
                out.add(n);
            }
        }
        return out;
    }

    @Override
    public NodeInfo node(String name) {
        NodeInfo n = nodes.get(name);
        return n != null && nodeSelector.matches(n.labels()) ? n : null;
    }

    @Override
    public List<PodMeta> pods(String namespace, LabelSelector selector) {
        List<PodMeta> out = new ArrayList<>();
        if (namespace.isEmpty()) {
            for (PodMeta p : pods.items()) {
                if (selector.matches(p.labels())) {
                    out.add(p);
                }
            }
        } else {
            Map<String, PodMeta> ns = byNamespace.get(namespace);
            if (ns != null) {
                for (PodMeta p : ns.values()) {
                    if (selector.matches(p.labels())) {
                        out.add(p);
                    }
                }
            }
        }
        return out;
    }

    @Override
    public PodMeta pod(String namespace, String name) {
        return pods.get(namespace + "/" + name);
    }

    @Override
    public boolean synced() {
        return nodes.hasSynced() && pods.hasSynced();
    }

    public int nodeCount() {
        return nodes.size();
    }

    public int podCount() {
        return pods.size();
    }

    @Override
    public void close() {
        nodes.close();
        pods.close();
    }
}
