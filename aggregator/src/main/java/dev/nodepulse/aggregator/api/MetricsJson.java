package dev.nodepulse.aggregator.api;

import dev.nodepulse.aggregator.cluster.NodeInfo;
import dev.nodepulse.aggregator.cluster.PodMeta;
import dev.nodepulse.aggregator.storage.ContainerUsage;
import dev.nodepulse.aggregator.storage.NodeUsage;
import dev.nodepulse.aggregator.storage.PodUsage;
import dev.nodepulse.json.JsonWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * NodeMetrics and PodMetrics JSON in the field order and forms Go writes them: metadata with name, namespace,
 * creationTimestamp (the request time) and labels (sorted keys); timestamp in whole seconds; window as a Go
 * duration; usage {cpu, memory} as canonical quantities. List items carry no kind/apiVersion.
 */
final class MetricsJson {

    record NodeItem(NodeInfo node, NodeUsage usage) {}

    record PodItem(PodMeta pod, PodUsage usage) {}

    private MetricsJson() {}

    static String nodeList(List<NodeItem> items, Instant now) {
        StringBuilder sb = new StringBuilder(64 + items.size() * 256);
        JsonWriter w = new JsonWriter(sb, false).beginObject().name("kind").value("NodeMetricsList")
                .name("apiVersion").value("metrics.k8s.io/v1beta1").name("metadata").beginObject().endObject()
                .name("items").beginArray();
        for (NodeItem i : items) {
            w.beginObject();
            nodeFields(w, i, now);
            w.endObject();
        }
        w.endArray().endObject();
        return sb.toString();
    }

    static String node(NodeItem i, Instant now) {
        StringBuilder sb = new StringBuilder(320);
        JsonWriter w = new JsonWriter(sb, false).beginObject().name("kind").value("NodeMetrics")
                .name("apiVersion").value("metrics.k8s.io/v1beta1");
        nodeFields(w, i, now);
        w.endObject();
        return sb.toString();
    }

    static String podList(List<PodItem> items, Instant now) {
        StringBuilder sb = new StringBuilder(64 + items.size() * 320);
        JsonWriter w = new JsonWriter(sb, false).beginObject().name("kind").value("PodMetricsList")
                .name("apiVersion").value("metrics.k8s.io/v1beta1").name("metadata").beginObject().endObject()
                .name("items").beginArray();
        for (PodItem i : items) {
            w.beginObject();
            podFields(w, i, now);
            w.endObject();
        }
        w.endArray().endObject();
        return sb.toString();
    }

    static String pod(PodItem i, Instant now) {
        StringBuilder sb = new StringBuilder(400);
        JsonWriter w = new JsonWriter(sb, false).beginObject().name("kind").value("PodMetrics")
                .name("apiVersion").value("metrics.k8s.io/v1beta1");
        podFields(w, i, now);
        w.endObject();
        return sb.toString();
    }

    static void nodeFields(JsonWriter w, NodeItem i, Instant now) {
        w.name("metadata");
        metadata(w, i.node().name(), null, i.node().labels(), now);
        NodeUsage u = i.usage();
        w.name("timestamp").time(instant(u.timestampNanos())).name("window").value(GoDuration.format(u.windowNanos()))
                .name("usage");
        usage(w, u.cpuNanoCores(), u.memoryBytes());
    }

    static void podFields(JsonWriter w, PodItem i, Instant now) {
        w.name("metadata");
        metadata(w, i.pod().name(), i.pod().namespace(), i.pod().labels(), now);
        PodUsage u = i.usage();
        w.name("timestamp").time(instant(u.timestampNanos())).name("window").value(GoDuration.format(u.windowNanos()))
                .name("containers").beginArray();
        for (ContainerUsage c : u.containers()) {
            w.beginObject().name("name").value(c.name()).name("usage");
            usage(w, c.cpuNanoCores(), c.memoryBytes());
            w.endObject();
        }
        w.endArray();
    }

    static void metadata(JsonWriter w, String name, String namespace, Map<String, String> labels, Instant now) {
        w.beginObject().name("name").value(name);
        if (namespace != null && !namespace.isEmpty()) {
            w.name("namespace").value(namespace);
        }
        w.name("creationTimestamp").time(now);
        if (!labels.isEmpty()) {
            w.name("labels").beginObject();
            labels.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> w.name(e.getKey()).value(e.getValue()));
            w.endObject();
        }
        w.endObject();
    }

    static void usage(JsonWriter w, long cpuNanoCores, long memoryBytes) {
        w.beginObject().name("cpu").value(Quantities.unsignedNanos(cpuNanoCores)).name("memory")
                .value(Quantities.bytes(memoryBytes)).endObject();
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
