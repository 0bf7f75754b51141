package dev.nodepulse.aggregator.server;

import dev.nodepulse.aggregator.scraper.ScrapeObserver;
import dev.nodepulse.aggregator.storage.MetricsStorage;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The aggregator's own /metrics: metrics-server's families under their names (so its dashboards and alerts
 * keep working), except that the request-duration histogram has no per-node label (at 5,000 nodes that label
 * alone is 70,000 series); plus push counters and process figures.
 */
public final class SelfMetrics implements ScrapeObserver {

    private static final double[] DEFAULT_BUCKETS = {.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter requests;
    private final Histogram requestDuration;
    private final Gauge lastRequest;
    private final Histogram tick;
    private final Histogram freshness;
    private final Counter pushes;

    public SelfMetrics(Duration resolution, MetricsStorage storage) {
        requests = Counter.builder().name("metrics_server_kubelet_request_total")
                .help("[ALPHA] Number of requests sent to Kubelet API").labelNames("success").register(registry);
        requestDuration = Histogram.builder().name("metrics_server_kubelet_request_duration_seconds")
                .help("[ALPHA] Duration of requests to Kubelet API in seconds").classicOnly()
                .classicUpperBounds(DEFAULT_BUCKETS).register(registry);
        lastRequest = Gauge.builder().name("metrics_server_kubelet_last_request_time_seconds")
                .help("[ALPHA] Time of last request performed to Kubelet API since unix epoch in seconds")
                .labelNames("node").register(registry);
        tick = Histogram.builder().name("metrics_server_manager_tick_duration_seconds")
                .help("[ALPHA] The total time spent collecting and storing metrics in seconds.").classicOnly()
                .classicUpperBounds(bucketsFor(resolution.toNanos() / 1e9)).register(registry);
        freshness = Histogram.builder().name("metrics_server_api_metric_freshness_seconds")
                .help("[ALPHA] Freshness of metrics exported").classicOnly().classicUpperBounds(exponential(1, 1.364, 20))
                .register(registry);
        GaugeWithCallback.builder().name("metrics_server_storage_points").help("[ALPHA] Number of metrics points stored.")
                .labelNames("type").callback(cb -> {
                    cb.call(storage.servableNodePoints(), "node");
                    cb.call(storage.servableContainerPoints(), "container");
                }).register(registry);
        pushes = Counter.builder().name("nodepulse_aggregator_push_total")
                .help("Pushes received from agents, by result (accepted, unauthenticated, forbidden, invalid).")
                .labelNames("result").register(registry);
        GaugeWithCallback.builder().name("process_resident_memory_bytes").help("Resident memory size in bytes.")
                .callback(cb -> cb.call(residentBytes())).register(registry);
        io.prometheus.metrics.core.metrics.CounterWithCallback.builder().name("process_cpu_seconds_total")
                .help("Total user and system CPU time spent in seconds.")
                .callback(cb -> cb.call(cpuSeconds())).register(registry);
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    @Override
    public void request(String node, double seconds, boolean success) {
        requests.labelValues(success ? "true" : "false").inc();
        requestDuration.observe(seconds);
        lastRequest.labelValues(node).set(System.currentTimeMillis() / 1000);
    }

    @Override
    public void tick(double seconds) {
        tick.observe(seconds);
    }

    public void freshness(double seconds) {
        freshness.observe(seconds);
    }

    public void push(String result) {
        pushes.labelValues(result).inc();
    }

    /** metrics-server's BucketsForScrapeDuration: the default buckets plus buckets around the resolution. */
    static double[] bucketsFor(double timeout) {
        List<Double> b = new ArrayList<>();
        for (double d : DEFAULT_BUCKETS) {
            b.add(d);
        }
        double max = DEFAULT_BUCKETS[DEFAULT_BUCKETS.length - 1];
        if (timeout > max) {
            b.add(max + (timeout - max) / 2);
            b.add(timeout);
            b.add(timeout * 1.5);
            b.add(timeout * 2);
        } else if (timeout < max) {
            int i = 0;
            while (i < DEFAULT_BUCKETS.length && DEFAULT_BUCKETS[i] <= timeout) {
                i++;
            }
            double bucket = DEFAULT_BUCKETS[Math.min(i, DEFAULT_BUCKETS.length - 1)];
            boolean close = bucket - timeout < DEFAULT_BUCKETS[0] || (i > 0 && timeout - DEFAULT_BUCKETS[i - 1] < DEFAULT_BUCKETS[0]);
            if (!close) {
                b.add(i, timeout);
            }
        }
        return b.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double[] exponential(double start, double factor, int count) {
        double[] out = new double[count];
        double v = start;
        for (int i = 0; i < count; i++) {
            out[i] = v;
            v *= factor;
        }
        return out;
    }

    private static double residentBytes() {
        try {
            String[] statm = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/statm")).trim().split(" ");
            return Double.parseDouble(statm[1]) * 4096;
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    private static double cpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }
}
