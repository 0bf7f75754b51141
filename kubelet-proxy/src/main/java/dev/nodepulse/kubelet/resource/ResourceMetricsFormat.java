package dev.nodepulse.kubelet.resource;

import dev.nodepulse.metrics.Family;
import dev.nodepulse.metrics.MetricSink;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Instant;

/**
 * The kubelet's /metrics/resource families: names, HELP texts with their stability level, label names and
 * explicit millisecond timestamps, as the kubelet's resource metrics collector writes them.
 * {@code container_start_time_seconds} and the error gauges carry no timestamp.
 */
public final class ResourceMetricsFormat {

    public static final String NODE_CPU = "node_cpu_usage_seconds_total";
    public static final String NODE_MEMORY = "node_memory_working_set_bytes";
    public static final String NODE_SWAP = "node_swap_usage_bytes";
    public static final String CONTAINER_CPU = "container_cpu_usage_seconds_total";
    public static final String CONTAINER_MEMORY = "container_memory_working_set_bytes";
    public static final String CONTAINER_SWAP = "container_swap_usage_bytes";
    public static final String CONTAINER_SWAP_LIMIT = "container_swap_limit_bytes";
    public static final String CONTAINER_START_TIME = "container_start_time_seconds";
    public static final String POD_CPU = "pod_cpu_usage_seconds_total";
    public static final String POD_MEMORY = "pod_memory_working_set_bytes";
    public static final String POD_SWAP = "pod_swap_usage_bytes";
    public static final String SCRAPE_ERROR = "scrape_error";
    public static final String RESOURCE_SCRAPE_ERROR = "resource_scrape_error";

    private static final String[] CONTAINER_LABELS = {"container", "pod", "namespace"};
    private static final String[] POD_LABELS = {"pod", "namespace"};
    private static final String ERROR_HELP = "1 if there was an error while getting container metrics, 0 otherwise";

    private ResourceMetricsFormat() {}

    /**
     * The exposition. {@code withDeprecatedScrapeError} adds {@code scrape_error}, which kubelets since 1.30 hide
     * (deprecated in 1.29) but older ones and alert rules written for them still have; metrics-server ignores it.
     */
    public static MetricSnapshots snapshots(ResourceMetrics m, boolean withDeprecatedScrapeError) {
        MetricSink sink = new MetricSink();
        double error = m.scrapeError() ? 1 : 0;
        if (withDeprecatedScrapeError) {
            sink.gauge(SCRAPE_ERROR, "[ALPHA] " + ERROR_HELP).add(error);
        }
        sink.gauge(RESOURCE_SCRAPE_ERROR, "[STABLE] " + ERROR_HELP).add(error);
        if (m.scrapeError()) {
            return MetricSnapshots.of(sink.build().toArray(new io.prometheus.metrics.model.snapshots.MetricSnapshot[0]));
        }

        NodeResources node = m.node();
        add(sink.counter(NODE_CPU, "[STABLE] Cumulative cpu time consumed by the node in core-seconds"), node.cpuSeconds());
        add(sink.gauge(NODE_MEMORY, "[STABLE] Current working set of the node in bytes"), node.workingSetBytes());
        add(sink.gauge(NODE_SWAP, "[ALPHA] Current swap usage of the node in bytes. Reported only on non-windows systems"),
                node.swapUsageBytes());

        Family startTime = sink.gauge(CONTAINER_START_TIME,
                "[STABLE] Start time of the container since unix epoch in seconds", CONTAINER_LABELS);
        Family containerCpu = sink.counter(CONTAINER_CPU,
                "[STABLE] Cumulative cpu time consumed by the container in core-seconds", CONTAINER_LABELS);
        Family containerMemory = sink.gauge(CONTAINER_MEMORY,
                "[STABLE] Current working set of the container in bytes", CONTAINER_LABELS);
        Family containerSwap = sink.gauge(CONTAINER_SWAP,
                "[ALPHA] Current amount of the container swap usage in bytes. Reported only on non-windows systems",
                CONTAINER_LABELS);
        Family containerSwapLimit = sink.gauge(CONTAINER_SWAP_LIMIT,
                "[ALPHA] Current amount of the container swap limit in bytes. Reported only on non-windows systems",
                CONTAINER_LABELS);
        Family podCpu = sink.counter(POD_CPU, "[STABLE] Cumulative cpu time consumed by the pod in core-seconds",
                POD_LABELS);
        Family podMemory = sink.gauge(POD_MEMORY, "[STABLE] Current working set of the pod in bytes", POD_LABELS);
        Family podSwap = sink.gauge(POD_SWAP,
                "[ALPHA] Current amount of the pod swap usage in bytes. Reported only on non-windows systems", POD_LABELS);

        for (PodResources pod : m.pods()) {
            for (ContainerResources c : pod.containers()) {
                String[] labels = {c.name(), pod.name(), pod.namespace()};
                if (c.startTime() != null && c.startTime().getEpochSecond() > 0) {
                    startTime.add(seconds(c.startTime()), labels);
                }
                add(containerCpu, c.cpuSeconds(), labels);
                add(containerMemory, c.workingSetBytes(), labels);
                add(containerSwap, c.swapUsageBytes(), labels);
                add(containerSwapLimit, c.swapLimitBytes(), labels);
            }
            String[] labels = {pod.name(), pod.namespace()};
            add(podCpu, pod.cpuSeconds(), labels);
            add(podMemory, pod.workingSetBytes(), labels);
            add(podSwap, pod.swapUsageBytes(), labels);
        }
        return MetricSnapshots.of(sink.build().toArray(new io.prometheus.metrics.model.snapshots.MetricSnapshot[0]));
    }

    private static void add(Family f, Measurement m, String... labels) {
        if (m != null) {
            f.addAt(m.value(), m.timestampMillis(), labels);
        }
    }

    /** Seconds since the epoch with the sub-second part, as float64(UnixNano)/1e9. */
    static double seconds(Instant t) {
        return (double) (t.getEpochSecond() * 1_000_000_000L + t.getNano()) / 1e9;
    }
}
