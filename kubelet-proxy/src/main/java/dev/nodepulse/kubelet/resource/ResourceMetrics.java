package dev.nodepulse.kubelet.resource;

import dev.nodepulse.kubelet.stats.ContainerStats;
import dev.nodepulse.kubelet.stats.CpuStats;
import dev.nodepulse.kubelet.stats.MemoryStats;
import dev.nodepulse.kubelet.stats.NodeStats;
import dev.nodepulse.kubelet.stats.PodStats;
import dev.nodepulse.kubelet.stats.Summary;
import dev.nodepulse.kubelet.stats.SwapStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What /metrics/resource says: the node, its pods and their containers. {@code scrapeError} is set when the
 * stats could not be gathered; the endpoint then carries only the error gauges.
 */
public record ResourceMetrics(NodeResources node, List<PodResources> pods, boolean scrapeError) {

    public static ResourceMetrics failed() {
        return new ResourceMetrics(NodeResources.UNKNOWN, List.of(), true);
    }

    /**
     * The kubelet's reading of a summary: CPU from {@code usageCoreNanoSeconds} / 1e9, memory from
     * {@code workingSetBytes}, each stamped with its stats object's time. The node's swap sample carries the node
     * memory time (as the kubelet's collector does), containers' and pods' carry their swap time.
     */
    public static ResourceMetrics fromSummary(Summary s) {
        NodeStats n = s.node();
        NodeResources node = NodeResources.UNKNOWN;
        if (n != null) {
            Measurement swap = null;
            if (n.swap() != null && n.swap().swapUsageBytes() != null) {
                Instant t = n.memory() != null ? n.memory().time() : n.swap().time();
                swap = measurement(unsigned(n.swap().swapUsageBytes()), t);
            }
            node = new NodeResources(cpu(n.cpu()), workingSet(n.memory()), swap);
        }
        List<PodResources> pods = new ArrayList<>();
        if (s.pods() != null) {
            for (PodStats p : s.pods()) {
                List<ContainerResources> containers = new ArrayList<>();
                if (p.containers() != null) {
                    for (ContainerStats c : p.containers()) {
                        containers.add(new ContainerResources(c.name(), c.startTime(), cpu(c.cpu()), workingSet(c.memory()),
                                swapUsage(c.swap()), swapLimit(c.swap())));
                    }
                }
                pods.add(new PodResources(p.podRef().namespace(), p.podRef().name(), cpu(p.cpu()), workingSet(p.memory()),
                        swapUsage(p.swap()), containers));
            }
        }
        return new ResourceMetrics(node, pods, false);
    }

    private static Measurement cpu(CpuStats c) {
        if (c == null || c.usageCoreNanoSeconds() == null) {
            return null;
        }
        return measurement(unsigned(c.usageCoreNanoSeconds()) / 1e9, c.time());
    }

    private static Measurement workingSet(MemoryStats m) {
        if (m == null || m.workingSetBytes() == null) {
            return null;
        }
        return measurement(unsigned(m.workingSetBytes()), m.time());
    }

    private static Measurement swapUsage(SwapStats s) {
        if (s == null || s.swapUsageBytes() == null) {
            return null;
        }
        return measurement(unsigned(s.swapUsageBytes()), s.time());
    }

    private static Measurement swapLimit(SwapStats s) {
        if (s == null || s.swapAvailableBytes() == null) {
            return null;
        }
        double used = s.swapUsageBytes() == null ? 0 : unsigned(s.swapUsageBytes());
        return measurement(unsigned(s.swapAvailableBytes()) + used, s.time());
    }

    private static Measurement measurement(double value, Instant time) {
        // A stats object without a time still yields its sample; the epoch stands in for Go's zero time.
        return new Measurement(value, time == null ? Instant.EPOCH : time);
    }

    /** A Go uint64 as float64. */
    static double unsigned(long v) {
        return v >= 0 ? (double) v : (double) (v >>> 1) * 2.0 + (v & 1);
    }
}
