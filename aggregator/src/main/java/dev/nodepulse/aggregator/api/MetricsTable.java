package dev.nodepulse.aggregator.api;

import dev.nodepulse.aggregator.storage.ContainerUsage;
import dev.nodepulse.json.JsonWriter;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

/**
 * {@code meta.k8s.io} Table answers as metrics-server's ConvertToTable builds them: Name, one quantity column per
 * usage key in sorted order (cpu, memory), Window; pods summed over containers; each row's object by
 * {@code includeObject} (PartialObjectMetadata by default). An empty list has no columns.
 */
final class MetricsTable {

    private MetricsTable() {}

    static String nodes(List<MetricsJson.NodeItem> items, Instant now, MetricsApi.Output out) {
        StringBuilder sb = new StringBuilder(256 + items.size() * 256);
        JsonWriter w = begin(sb, out, !items.isEmpty());
        for (MetricsJson.NodeItem i : items) {
            w.beginObject().name("cells").beginArray().value(i.node().name())
                    .value(Quantities.unsignedNanos(i.usage().cpuNanoCores())).value(Quantities.bytes(i.usage().memoryBytes()))
                    .value(GoDuration.format(i.usage().windowNanos())).endArray();
            if (!out.includeObject().equals("None")) {
                w.name("object").beginObject();
                if (out.includeObject().equals("Object")) {
                    w.name("kind").value("NodeMetrics").name("apiVersion").value("metrics.k8s.io/v1beta1");
                    MetricsJson.nodeFields(w, i, now);
                } else {
                    w.name("kind").value("PartialObjectMetadata").name("apiVersion").value("meta.k8s.io/" + out.tableVersion())
                            .name("metadata");
                    MetricsJson.metadata(w, i.node().name(), null, i.node().labels(), now);
                }
                w.endObject();
            }
            w.endObject();
        }
        return end(w, sb, items.isEmpty());
    }

    static String pods(List<MetricsJson.PodItem> items, Instant now, MetricsApi.Output out) {
        StringBuilder sb = new StringBuilder(256 + items.size() * 320);
        JsonWriter w = begin(sb, out, !items.isEmpty());
        for (MetricsJson.PodItem i : items) {
            BigInteger cpu = BigInteger.ZERO;
            BigInteger memory = BigInteger.ZERO;
            for (ContainerUsage c : i.usage().containers()) {
                cpu = cpu.add(new BigInteger(Long.toUnsignedString(c.cpuNanoCores())));
                memory = memory.add(new BigInteger(Long.toUnsignedString(c.memoryBytes())));
            }
            w.beginObject().name("cells").beginArray().value(i.pod().name())
                    .value(Quantities.decimal(cpu, -9)).value(memoryQuantity(memory))
                    .value(GoDuration.format(i.usage().windowNanos())).endArray();
            if (!out.includeObject().equals("None")) {
                w.name("object").beginObject();
                if (out.includeObject().equals("Object")) {
                    w.name("kind").value("PodMetrics").name("apiVersion").value("metrics.k8s.io/v1beta1");
                    MetricsJson.podFields(w, i, now);
                } else {
                    w.name("kind").value("PartialObjectMetadata").name("apiVersion").value("meta.k8s.io/" + out.tableVersion())
                            .name("metadata");
                    MetricsJson.metadata(w, i.pod().name(), i.pod().namespace(), i.pod().labels(), now);
                }
                w.endObject();
            }
            w.endObject();
        }
        return end(w, sb, items.isEmpty());
    }

    private static String memoryQuantity(BigInteger bytes) {
        return bytes.bitLength() < 64 ? Quantities.bytes(bytes.longValue()) : Quantities.decimal(bytes, 0);
    }

    private static JsonWriter begin(StringBuilder sb, MetricsApi.Output out, boolean columns) {
        JsonWriter w = new JsonWriter(sb, false).beginObject().name("kind").value("Table")
                .name("apiVersion").value("meta.k8s.io/" + out.tableVersion()).name("metadata").beginObject().endObject()
                .name("columnDefinitions");
        if (!columns) {
            w.nullValue();
        } else {
            w.beginArray();
            column(w, "Name", "name", "Name of the resource");
            column(w, "cpu", "quantity", "");
            column(w, "memory", "quantity", "");
            column(w, "Window", "duration", "");
            w.endArray();
        }
        w.name("rows");
        if (columns) {
            w.beginArray();
        }
        return w;
    }

    private static String end(JsonWriter w, StringBuilder sb, boolean empty) {
        if (empty) {
            w.nullValue();
        } else {
            w.endArray();
        }
        w.endObject();
        return sb.toString();
    }

    private static void column(JsonWriter w, String name, String format, String description) {
        w.beginObject().name("name").value(name).name("type").value("string").name("format").value(format)
                .name("description").value(description).name("priority").signed(0).endObject();
    }
}
