package dev.nodepulse.aggregator.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds /metrics/resource bodies byte-compatible with the kubelet's (HELP/TYPE lines with stability levels,
 * families sorted by name, series sorted by label values, ms timestamps; no timestamp on start times).
 */
public final class ResourceText {

    /** One container's values: cumulative CPU seconds, working set bytes, start time (epoch s), sample time (ms). */
    public record Container(String namespace, String pod, String name, double cpuSeconds, double memoryBytes,
            double startSeconds, long timeMillis) {}

    private Double nodeCpu;
    private Double nodeMemory;
    private long nodeTime;
    private final List<Container> containers = new ArrayList<>();

    public ResourceText node(double cpuSeconds, double memoryBytes, long timeMillis) {
        nodeCpu = cpuSeconds;
        nodeMemory = memoryBytes;
        nodeTime = timeMillis;
        return this;
    }

    public ResourceText container(Container c) {
        containers.add(c);
        return this;
    }

    public ResourceText container(String ns, String pod, String name, double cpu, double mem, double start, long t) {
        return container(new Container(ns, pod, name, cpu, mem, start, t));
    }

    public String render() {
        List<Container> cs = new ArrayList<>(containers);
        cs.sort((a, b) -> {
            int c = a.name().compareTo(b.name());
            if (c != 0) {
                return c;
            }
            c = a.namespace().compareTo(b.namespace());
            return c != 0 ? c : a.pod().compareTo(b.pod());
        });
        StringBuilder sb = new StringBuilder();
        if (!cs.isEmpty()) {
            sb.append("# HELP container_cpu_usage_seconds_total [STABLE] Cumulative cpu time consumed by the container in core-seconds\n");
            sb.append("# TYPE container_cpu_usage_seconds_total counter\n");
            for (Container c : cs) {
                sb.append("container_cpu_usage_seconds_total").append(labels(c)).append(' ').append(fmt(c.cpuSeconds()))
                        .append(' ').append(c.timeMillis()).append('\n');
            }
            sb.append("# HELP container_memory_working_set_bytes [STABLE] Current working set of the container in bytes\n");
            sb.append("# TYPE container_memory_working_set_bytes gauge\n");
            for (Container c : cs) {
                sb.append("container_memory_working_set_bytes").append(labels(c)).append(' ').append(fmt(c.memoryBytes()))
                        .append(' ').append(c.timeMillis()).append('\n');
            }
            sb.append("# HELP container_start_time_seconds [STABLE] Start time of the container since unix epoch in seconds\n");
            sb.append("# TYPE container_start_time_seconds gauge\n");
            for (Container c : cs) {
                sb.append("container_start_time_seconds").append(labels(c)).append(' ').append(fmt(c.startSeconds())).append('\n');
            }
        }
        if (nodeCpu != null) {
            sb.append("# HELP node_cpu_usage_seconds_total [STABLE] Cumulative cpu time consumed by the node in core-seconds\n");
            sb.append("# TYPE node_cpu_usage_seconds_total counter\n");
            sb.append("node_cpu_usage_seconds_total ").append(fmt(nodeCpu)).append(' ').append(nodeTime).append('\n');
            sb.append("# HELP node_memory_working_set_bytes [STABLE] Current working set of the node in bytes\n");
            sb.append("# TYPE node_memory_working_set_bytes gauge\n");
            sb.append("node_memory_working_set_bytes ").append(fmt(nodeMemory)).append(' ').append(nodeTime).append('\n');
        }
        sb.append("# HELP resource_scrape_error [STABLE] 1 if there was an error while getting container metrics, 0 otherwise\n");
        sb.append("# TYPE resource_scrape_error gauge\n");
        sb.append("resource_scrape_error 0\n");
        return sb.toString();
    }

    private static String labels(Container c) {
        return "{container=\"" + c.name() + "\",namespace=\"" + c.namespace() + "\",pod=\"" + c.pod() + "\"}";
    }

    /** Go's %g-like shortest form as the kubelet's text writer prints floats. */
    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v).replace("E", "e+").replace("e+-", "e-");
    }
}
