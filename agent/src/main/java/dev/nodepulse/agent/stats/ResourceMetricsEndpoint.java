package dev.nodepulse.agent.stats;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.nodepulse.http.Exposition;
import dev.nodepulse.http.Responses;
import dev.nodepulse.kubelet.resource.ResourceMetrics;
import dev.nodepulse.kubelet.resource.ResourceMetricsFormat;
import dev.nodepulse.log.Log;
import java.io.IOException;

/**
 * /metrics/resource: the kubelet's resource metrics, generated from the CPU-and-memory summary of one fresh
 * snapshot, every sample stamped with the time its cgroup was read. A summary that cannot be built still answers
 * 200 with resource_scrape_error 1, as the kubelet's collector does. scrape_error (deprecated in 1.29, hidden by
 * kubelets since) is not written.
 */
public final class ResourceMetricsEndpoint implements HttpHandler {

    private static final Log LOG = Log.get(ResourceMetricsEndpoint.class);

    private final SummarySource source;

    public ResourceMetricsEndpoint(SummarySource source) {
        this.source = source;
    }

    /** The resource metrics of a fresh snapshot; the error form when the summary cannot be built. */
    public ResourceMetrics metrics() {
        try {
            return ResourceMetrics.fromSummary(source.summary(true));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Error getting summary for resourceMetric prometheus endpoint", "err", e.toString());
            return ResourceMetrics.failed();
        }
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        ResourceMetrics m = metrics();
        try {
            Exposition.write(ex, ResourceMetricsFormat.snapshots(m, false));
        } catch (Exposition.EncodingException e) {
            LOG.error("error encoding resource metrics", "err", e.getMessage());
            Responses.text(ex, 500, "An error has occurred while serving metrics:\n\n" + e.getMessage() + "\n");
        }
    }
}
