package dev.nodepulse.agent.self;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;

/** promhttp_metric_handler_* as node_exporter's handler publishes them, kept with client_java's own types. */
public final class HandlerMetrics {

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter requests = Counter.builder().name("promhttp_metric_handler_requests_total")
            .help("Total number of scrapes by HTTP status code.").labelNames("code").register(registry);
    private final Gauge inFlight = Gauge.builder().name("promhttp_metric_handler_requests_in_flight")
            .help("Current number of scrapes being served.").register(registry);
    private final Counter errors = Counter.builder().name("promhttp_metric_handler_errors_total")
            .help("Total number of internal errors encountered by the promhttp metric handler.")
            .labelNames("cause").register(registry);

    public HandlerMetrics() {
        // node_exporter shows these series at zero from the start; so do we.
        for (String code : List.of("200", "500", "503")) {
            requests.labelValues(code);
        }
        errors.labelValues("encoding");
        errors.labelValues("gathering");
    }

    public void started() {
        inFlight.inc();
    }

    public void finished(int status) {
        inFlight.dec();
        requests.labelValues(Integer.toString(status)).inc();
    }

    public void encodingError() {
        errors.labelValues("encoding").inc();
    }

    public void gatheringError() {
        errors.labelValues("gathering").inc();
    }

    public List<MetricSnapshot> snapshots() {
        return registry.scrape().stream().toList();
    }
}
