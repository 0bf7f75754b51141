package dev.nodepulse.agent.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.nodepulse.agent.NodeMetrics;
import dev.nodepulse.http.Exposition;
import dev.nodepulse.http.Query;
import dev.nodepulse.http.Responses;
import dev.nodepulse.log.Log;
import dev.nodepulse.metrics.MetricFamilies;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * The node_exporter /metrics endpoint: collect[]/exclude[] filters, --web.max-requests (503 beyond it),
 * and a collection deadline taken from Prometheus' X-Prometheus-Scrape-Timeout-Seconds when that is
 * shorter than --scrape.timeout, so a slow collector costs its own series and not the whole target.
 */
public final class MetricsEndpoint implements HttpHandler {

    private static final Log LOG = Log.get(MetricsEndpoint.class);
    /** Time kept back from Prometheus' own timeout for encoding and sending the answer. */
    private static final Duration SEND_MARGIN = Duration.ofMillis(500);

    private final NodeMetrics node;
    private final Semaphore slots;
    private final int maxRequests;
    private final Duration timeout;

    public MetricsEndpoint(NodeMetrics node, int maxRequests, Duration timeout) {
        this.node = node;
        this.maxRequests = maxRequests;
        this.slots = maxRequests > 0 ? new Semaphore(maxRequests) : null;
        this.timeout = timeout;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        if (slots != null && !slots.tryAcquire()) {
            node.handlerMetrics().finished(503);
            Responses.text(ex, 503, "Limit of concurrent requests reached (" + maxRequests + "), try again later.\n");
            return;
        }
        node.handlerMetrics().started();
        int status = 500;
        try {
            Query q = Query.parse(ex.getRequestURI().getRawQuery());
            List<String> selected;
            try {
                selected = node.select(q.all("collect[]"), q.all("exclude[]"));
            } catch (NodeMetrics.BadRequest e) {
                status = 400;
                Responses.text(ex, 400, e.getMessage() + "\n");
                return;
            }
            MetricFamilies families = node.scrape(selected, deadline(ex));
            try {
                Exposition.write(ex, families);
                status = 200;
            } catch (Exposition.EncodingException e) {
                node.handlerMetrics().encodingError();
                LOG.error("error encoding metrics", "err", e.getMessage());
                Responses.text(ex, 500, "An error has occurred while serving metrics:\n\n" + e.getMessage() + "\n");
            }
        } finally {
            node.handlerMetrics().finished(status);
            if (slots != null) {
                slots.release();
            }
        }
    }

    private Duration deadline(HttpExchange ex) {
        String header = ex.getRequestHeaders().getFirst("X-Prometheus-Scrape-Timeout-Seconds");
        if (header != null) {
            try {
                Duration fromPrometheus = Duration.ofNanos((long) (Double.parseDouble(header) * 1e9)).minus(SEND_MARGIN);
                if (fromPrometheus.compareTo(Duration.ZERO) > 0 && fromPrometheus.compareTo(timeout) < 0) {
                    return fromPrometheus;
                }
            } catch (NumberFormatException e) {
                LOG.debug("ignoring bad X-Prometheus-Scrape-Timeout-Seconds", "value", header);
            }
        }
        return timeout;
    }
}
