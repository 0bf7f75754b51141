package dev.nodepulse.aggregator.scraper;

import dev.nodepulse.aggregator.storage.MetricsPoint;
import dev.nodepulse.aggregator.storage.NodeBatch;
import dev.nodepulse.aggregator.storage.PodRef;
import dev.nodepulse.kubelet.resource.ContainerResources;
import dev.nodepulse.kubelet.resource.Measurement;
import dev.nodepulse.kubelet.resource.NodeResources;
import dev.nodepulse.kubelet.resource.PodResources;
import dev.nodepulse.kubelet.resource.ResourceMetrics;
import dev.nodepulse.kubelet.resource.ResourceMetricsReader;
import dev.nodepulse.log.Log;
import dev.nodepulse.metrics.text.TextParseException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A /metrics/resource body as metrics-server's decoder turns it into points, on top of kubelet-proxy's
 * {@link ResourceMetricsReader}: only node and container CPU, working set and start time count; a sample without
 * a timestamp has the request time; a point's timestamp is its working set's (the family read last, families
 * being sorted), else its CPU's; the node point is dropped when its time, CPU or memory is zero, and a pod is
 * dropped whole when any of its containers has zero CPU or memory.
 */
public final class ResourceMetricsDecoder {

    private static final Log LOG = Log.get(ResourceMetricsDecoder.class);

    private ResourceMetricsDecoder() {}

    /** @throws TextParseException when the body is not valid exposition text: the node's scrape fails */
    public static NodeBatch decode(byte[] body, long requestTimeNanos, String nodeName) throws TextParseException {
        Instant requestTime = Instant.ofEpochSecond(0, requestTimeNanos);
        return fromResourceMetrics(ResourceMetricsReader.read(body, requestTime), nodeName);
    }

    static NodeBatch fromResourceMetrics(ResourceMetrics m, String nodeName) {
        NodeResources n = m.node();
        MetricsPoint node = point(0, n.cpuSeconds(), n.workingSetBytes());
        if (node.timestampNanos() == 0 || node.cumulativeCpuNanos() == 0 || node.memoryBytes() == 0) {
            LOG.debug("Failed getting complete node metric", "node", nodeName);
            node = null;
        }
        Map<PodRef, Map<String, MetricsPoint>> pods = new HashMap<>(m.pods().size() * 4 / 3 + 1);
        for (PodResources p : m.pods()) {
            Map<String, MetricsPoint> containers = new HashMap<>(p.containers().size() * 4 / 3 + 1);
            boolean complete = true;
            for (ContainerResources c : p.containers()) {
                if (c.startTime() == null && c.cpuSeconds() == null && c.workingSetBytes() == null) {
                    continue; // only series metrics-server does not read (swap)
                }
                MetricsPoint point = point(c.startTime() == null ? 0 : nanos(c.startTime()), c.cpuSeconds(), c.workingSetBytes());
                if (point.cumulativeCpuNanos() == 0 || point.memoryBytes() == 0) {
                    complete = false;
                    break;
                }
                containers.put(c.name(), point);
            }
            if (!complete) {
                LOG.debug("Failed getting complete Pod metric", "pod", p.namespace() + "/" + p.name(), "node", nodeName);
            } else if (!containers.isEmpty()) {
                pods.put(new PodRef(p.namespace(), p.name()), containers);
            }
        }
        return new NodeBatch(node, pods);
    }

    private static MetricsPoint point(long start, Measurement cpu, Measurement memory) {
        long ts = memory != null ? nanos(memory.time()) : cpu != null ? nanos(cpu.time()) : 0;
        return new MetricsPoint(start, ts, cpu == null ? 0 : toUint64(cpu.value() * 1e9),
                memory == null ? 0 : toUint64(memory.value()));
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
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
