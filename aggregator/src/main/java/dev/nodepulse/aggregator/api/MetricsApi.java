package dev.nodepulse.aggregator.api;

import dev.nodepulse.aggregator.cluster.ClusterView;
import dev.nodepulse.aggregator.cluster.FieldSelector;
import dev.nodepulse.aggregator.cluster.LabelSelector;
import dev.nodepulse.aggregator.cluster.NodeInfo;
import dev.nodepulse.aggregator.cluster.PodMeta;
import dev.nodepulse.aggregator.storage.MetricsStorage;
import dev.nodepulse.aggregator.storage.NodeUsage;
import dev.nodepulse.aggregator.storage.PodRef;
import dev.nodepulse.aggregator.storage.PodUsage;
import dev.nodepulse.http.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleConsumer;
import java.util.function.Supplier;

/**
 * {@code metrics.k8s.io/v1beta1} as metrics-server serves it: discovery, NodeMetrics and PodMetrics get and
 * list (all namespaces or one), label selectors on the Node/Pod objects' labels, field selectors on
 * {@code metadata.name}/{@code metadata.namespace}, NotFound/BadRequest/MethodNotAllowed/NotAcceptable Status
 * answers, and Table output. Pure request-in, response-out: the HTTP server and auth wrap it.
 */
public final class MetricsApi {

    public static final String GROUP = "metrics.k8s.io";
    public static final String VERSION = "v1beta1";
    public static final String PREFIX = "/apis/" + GROUP + "/" + VERSION;

    private final ClusterView cluster;
    private final MetricsStorage storage;
    private final Supplier<Instant> clock;
    private final DoubleConsumer freshness;

    public MetricsApi(ClusterView cluster, MetricsStorage storage, Supplier<Instant> clock, DoubleConsumer freshness) {
        this.cluster = cluster;
        this.storage = storage;
        this.clock = clock;
        this.freshness = freshness;
    }

    /** Whether this class answers the path (the discovery documents and everything under the group). */
    public static boolean serves(String path) {
        return path.equals("/apis") || path.equals("/apis/") || path.equals("/apis/" + GROUP)
                || path.equals("/apis/" + GROUP + "/") || path.startsWith(PREFIX);
    }

    public ApiResponse handle(String method, String path, String rawQuery, String accept) {
        Query query = Query.parse(rawQuery);
        if (path.equals("/apis") || path.equals("/apis/")) {
            return onlyGet(method, () -> ApiResponse.json(200, Discovery.GROUP_LIST));
        }
        if (path.equals("/apis/" + GROUP) || path.equals("/apis/" + GROUP + "/")) {
            return onlyGet(method, () -> ApiResponse.json(200, Discovery.GROUP));
        }
        if (path.equals(PREFIX) || path.equals(PREFIX + "/")) {
            return onlyGet(method, () -> ApiResponse.json(200, Discovery.RESOURCE_LIST));
        }
        RequestInfo info = RequestInfo.of(method, path, "true".equals(query.first("watch")) || "1".equals(query.first("watch")));
        boolean nodes = info.resource().equals("nodes") && info.namespace().isEmpty();
        boolean pods = info.resource().equals("pods");
        if (!(nodes || pods) || !info.subresource().isEmpty() || !info.extraParts().isEmpty()) {
            return notFoundPath();
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return ApiStatus.failure(405, "MethodNotAllowed", "the server does not allow this method on the requested resource",
                    null, GROUP, info.resource());
        }
        if (info.verb().equals("watch")) {
            return ApiStatus.failure(405, "MethodNotAllowed", "watch is not supported on resources of kind \""
                    + info.resource() + "." + GROUP + "\"", null, GROUP, info.resource());
        }
        Output out = Output.negotiate(accept);
        if (out != null && out.table()) {
            String include = query.first("includeObject");
            if (include != null && !include.equals("None") && !include.equals("Metadata") && !include.equals("Object")) {
                return ApiStatus.badRequest("includeObject: Unsupported value: \"" + include
                        + "\": supported values: \"None\", \"Metadata\", \"Object\"");
            }
            out = new Output(true, out.tableVersion(), include == null ? "Metadata" : include);
        }
        if (out == null) {
            return ApiStatus.failure(406, "NotAcceptable",
                    "only the following media types are accepted: application/json, application/json;as=Table;v=v1;g=meta.k8s.io",
                    null, null, null);
        }
        try {
            if (nodes) {
                return info.name().isEmpty() ? listNodes(query, out) : getNode(info.name(), out);
            }
            return info.name().isEmpty() ? listPods(info.namespace(), query, out)
                    : getPod(info.namespace(), info.name(), out);
        } catch (IllegalArgumentException e) {
            return ApiStatus.badRequest(e.getMessage());
        }
    }

    private static ApiResponse onlyGet(String method, Supplier<ApiResponse> ok) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return ApiStatus.failure(405, "MethodNotAllowed", "the server does not allow this method on the requested resource",
                    null, null, null);
        }
        return ok.get();
    }

    static ApiResponse notFoundPath() {
        return ApiStatus.failure(404, "NotFound", "the server could not find the requested resource", null, null, null);
    }

    private ApiResponse listNodes(Query q, Output out) {
        LabelSelector labels = LabelSelector.parse(q.first("labelSelector"));
        FieldSelector fields = FieldSelector.parse(q.first("fieldSelector"));
        List<NodeInfo> candidates = cluster.nodes(labels);
        List<MetricsJson.NodeItem> items = new ArrayList<>(candidates.size());
        for (NodeInfo n : candidates) {
            if (!fields.matches(Map.of("metadata.name", n.name()))) {
                continue;
            }
            storage.nodeUsage(n.name()).ifPresent(u -> items.add(new MetricsJson.NodeItem(n, u)));
        }
        items.sort(Comparator.comparing(i -> i.node().name()));
        observe(items.stream().map(i -> i.usage().timestampNanos()).toList());
        Instant now = clock.get();
        return out.table() ? ApiResponse.json(200, MetricsTable.nodes(items, now, out))
                : ApiResponse.json(200, MetricsJson.nodeList(items, now));
    }

    private ApiResponse getNode(String name, Output out) {
        NodeInfo n = cluster.node(name);
        if (n == null) {
            return ApiStatus.notFound("node", "", name);
        }
        Optional<NodeUsage> u = storage.nodeUsage(name);
        if (u.isEmpty()) {
            return ApiStatus.notFound("nodemetrics", GROUP, name);
        }
        observe(List.of(u.get().timestampNanos()));
        MetricsJson.NodeItem item = new MetricsJson.NodeItem(n, u.get());
        Instant now = clock.get();
        return out.table() ? ApiResponse.json(200, MetricsTable.nodes(List.of(item), now, out))
                : ApiResponse.json(200, MetricsJson.node(item, now));
    }

    private ApiResponse listPods(String namespace, Query q, Output out) {
        LabelSelector labels = LabelSelector.parse(q.first("labelSelector"));
        FieldSelector fields = FieldSelector.parse(q.first("fieldSelector"));
        List<PodMeta> candidates = cluster.pods(namespace, labels);
        List<MetricsJson.PodItem> items = new ArrayList<>(candidates.size());
        for (PodMeta p : candidates) {
            if (!fields.matches(Map.of("metadata.name", p.name(), "metadata.namespace", p.namespace()))) {
                continue;
            }
            storage.podUsage(new PodRef(p.namespace(), p.name())).ifPresent(u -> items.add(new MetricsJson.PodItem(p, u)));
        }
        items.sort(Comparator.comparing((MetricsJson.PodItem i) -> i.pod().namespace()).thenComparing(i -> i.pod().name()));
        observe(items.stream().map(i -> i.usage().timestampNanos()).toList());
        Instant now = clock.get();
        return out.table() ? ApiResponse.json(200, MetricsTable.pods(items, now, out))
                : ApiResponse.json(200, MetricsJson.podList(items, now));
    }

    private ApiResponse getPod(String namespace, String name, Output out) {
        PodMeta p = cluster.pod(namespace, name);
        if (p == null) {
            return ApiStatus.notFound("pods", "", name);
        }
        Optional<PodUsage> u = storage.podUsage(new PodRef(namespace, name));
        if (u.isEmpty()) {
            return ApiStatus.notFound("podmetrics", GROUP, namespace + "/" + name);
        }
        observe(List.of(u.get().timestampNanos()));
        MetricsJson.PodItem item = new MetricsJson.PodItem(p, u.get());
        Instant now = clock.get();
        return out.table() ? ApiResponse.json(200, MetricsTable.pods(List.of(item), now, out))
                : ApiResponse.json(200, MetricsJson.pod(item, now));
    }

    private void observe(List<Long> timestamps) {
        long now = clock.get().toEpochMilli() * 1_000_000L;
        for (long t : timestamps) {
            freshness.accept((now - t) / 1e9);
        }
    }

    /** The representation the client asked for: plain JSON, or a meta.k8s.io Table (v1 or v1beta1). */
    record Output(boolean table, String tableVersion, String includeObject) {

        static final Output JSON = new Output(false, "", "");

        /** First acceptable media range in the client's order (highest q first); null if none is acceptable. */
        static Output negotiate(String accept) {
            if (accept == null || accept.isBlank()) {
                return JSON;
            }
            record Range(String type, Map<String, String> params, double q, int index) {}
            List<Range> ranges = new ArrayList<>();
            String[] parts = accept.split(",");
            for (int i = 0; i < parts.length; i++) {
                String[] segs = parts[i].trim().split(";");
                Map<String, String> params = new java.util.HashMap<>();
                double qv = 1;
                for (int k = 1; k < segs.length; k++) {
                    String[] kv = segs[k].trim().split("=", 2);
                    if (kv.length == 2) {
                        if (kv[0].trim().equals("q")) {
                            try {
                                qv = Double.parseDouble(kv[1].trim());
                            } catch (NumberFormatException e) {
                                qv = 0;
                            }
                        } else {
                            params.put(kv[0].trim(), kv[1].trim());
                        }
                    }
                }
                ranges.add(new Range(segs[0].trim().toLowerCase(java.util.Locale.ROOT), params, qv, i));
            }
            ranges.sort(Comparator.comparingDouble((Range r) -> -r.q()).thenComparingInt(Range::index));
            for (Range r : ranges) {
                if (r.q() <= 0) {
                    continue;
                }
                boolean json = r.type().equals("application/json") || r.type().equals("application/*")
                        || r.type().equals("*/*");
                if (!json) {
                    continue;
                }
                String as = r.params().get("as");
                if (as == null) {
                    return JSON;
                }
                if (as.equals("Table") && "meta.k8s.io".equals(r.params().get("g"))
                        && ("v1".equals(r.params().get("v")) || "v1beta1".equals(r.params().get("v")))) {
                    return new Output(true, r.params().get("v"), "");
                }
            }
            return null;
        }
    }
}
