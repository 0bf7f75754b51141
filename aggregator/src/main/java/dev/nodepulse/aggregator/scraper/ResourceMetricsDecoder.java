package dev.nodepulse.aggregator.scraper;

import dev.nodepulse.aggregator.storage.MetricsPoint;
import dev.nodepulse.aggregator.storage.NodeBatch;
import dev.nodepulse.aggregator.storage.PodRef;
import dev.nodepulse.kubelet.resource.ResourceMetricsFormat;
import dev.nodepulse.log.Log;
import dev.nodepulse.metrics.text.LabelSet;
import dev.nodepulse.metrics.text.MetricFamily;
import dev.nodepulse.metrics.text.Sample;
import dev.nodepulse.metrics.text.TextFormatParser;
import dev.nodepulse.metrics.text.TextParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a /metrics/resource body into a {@link NodeBatch} with metrics-server's decoder rules: only the node and
 * container CPU, working set and start time families count; a sample without a timestamp gets the request time;
 * within a point the last sample read sets its timestamp (so the working set's time wins, as families come
 * sorted); the node point is dropped when its time, CPU or memory is zero, and a pod is dropped whole when any
 * of its containers has zero CPU or memory. Text parsing is the project's expfmt-compatible parser.
 */
public final class ResourceMetricsDecoder {

    private static final Log LOG = Log.get(ResourceMetricsDecoder.class);

    private ResourceMetricsDecoder() {}

    /** @throws TextParseException when the body is not valid exposition text: the node's scrape fails */
    public static NodeBatch decode(byte[] body, long requestTimeNanos, String nodeName) throws TextParseException {
        long defaultMillis = Math.floorDiv(requestTimeNanos, 1_000_000L);
        MetricsPoint node = MetricsPoint.EMPTY;
        Map<PodRef, Map<String, MetricsPoint>> pods = new LinkedHashMap<>();
        for (MetricFamily f : TextFormatParser.legacy().parse(body)) {
            int kind = switch (f.name()) {
                case ResourceMetricsFormat.NODE_CPU -> 1;
                case ResourceMetricsFormat.NODE_MEMORY -> 2;
                case ResourceMetricsFormat.CONTAINER_CPU -> 3;
                case ResourceMetricsFormat.CONTAINER_MEMORY -> 4;
                case ResourceMetricsFormat.CONTAINER_START_TIME -> 5;
                default -> 0;
            };
            if (kind == 0) {
                continue;
            }
            for (Sample s : f.samples()) {
                if (!s.name().equals(f.name())) {
                    continue;
                }
                long ts = (s.hasTimestamp() ? s.timestampMillis() : defaultMillis) * 1_000_000L;
                switch (kind) {
                    case 1 -> node = node.withCpu(toUint64(s.value() * 1e9), ts);
                    case 2 -> node = node.withMemory(toUint64(s.value()), ts);
                    default -> container(pods, s, kind, ts);
                }
            }
        }
        MetricsPoint nodePoint = node;
        if (node.timestampNanos() == 0 || node.cumulativeCpuNanos() == 0 || node.memoryBytes() == 0) {
            LOG.debug("Failed getting complete node metric", "node", nodeName);
            nodePoint = null;
        }
        Map<PodRef, Map<String, MetricsPoint>> complete = new HashMap<>(pods.size() * 4 / 3 + 1);
        for (Map.Entry<PodRef, Map<String, MetricsPoint>> e : pods.entrySet()) {
            Map<String, MetricsPoint> containers = checked(e.getValue());
            if (containers == null) {
                LOG.debug("Failed getting complete Pod metric", "pod", e.getKey(), "node", nodeName);
            } else if (!containers.isEmpty()) {
                complete.put(e.getKey(), containers);
            }
        }
        return new NodeBatch(nodePoint, complete);
    }

    private static void container(Map<PodRef, Map<String, MetricsPoint>> pods, Sample s, int kind, long ts) {
        LabelSet l = s.labels();
        String container = l.get("container");
        String pod = l.get("pod");
        String namespace = l.get("namespace");
        if (container == null || pod == null || namespace == null) {
            return;
        }
        Map<String, MetricsPoint> containers = pods.computeIfAbsent(new PodRef(namespace, pod), k -> new HashMap<>(4));
        MetricsPoint p = containers.getOrDefault(container, MetricsPoint.EMPTY);
        p = switch (kind) {
            case 3 -> p.withCpu(toUint64(s.value() * 1e9), ts);
            case 4 -> p.withMemory(toUint64(s.value()), ts);
            default -> p.withStartTime((long) (s.value() * 1e9));
        };
        containers.put(container, p);
    }

    /** Containers with any data; null when one of them lacks CPU or memory (the pod is dropped). */
    private static Map<String, MetricsPoint> checked(Map<String, MetricsPoint> containers) {
        Map<String, MetricsPoint> out = new HashMap<>(containers.size() * 4 / 3 + 1);
        for (Map.Entry<String, MetricsPoint> e : containers.entrySet()) {
            MetricsPoint p = e.getValue();
            if (p.isEmpty()) {
                continue;
            }
            if (p.cumulativeCpuNanos() == 0 || p.memoryBytes() == 0) {
                return null;
            }
            out.put(e.getKey(), p);
        }
        return out;
    }

    /** Go's uint64(float64) for counter values: negative and NaN as 0. */
    static long toUint64(double v) {
        if (!(v > 0)) {
            return 0;
        }
        if (v >= 18446744073709551615.0) {
            return -1L;
        }
        return v < 9.223372036854775807E18 ? (long) v : (long) (v / 2) << 1;
    }
}
