package dev.nodepulse.agent.stats;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.nodepulse.http.Query;
import dev.nodepulse.http.Responses;
import dev.nodepulse.kubelet.stats.CpuAndMemorySummary;
import dev.nodepulse.kubelet.stats.Summary;
import dev.nodepulse.kubelet.stats.SummaryJson;
import dev.nodepulse.log.Log;
import java.io.IOException;

/**
 * /stats/summary as the kubelet serves it: GET or POST, {@code only_cpu_and_memory=true} (exactly one value) for
 * the reduced summary, the Summary JSON pretty-printed as go-restful writes it, and on failure a 500 with the
 * kubelet's plain-text "Internal Error: ..." body.
 */
public final class SummaryEndpoint implements HttpHandler {

    private static final Log LOG = Log.get(SummaryEndpoint.class);

    private final SummarySource source;

    public SummaryEndpoint(SummarySource source) {
        this.source = source;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        if (!method.equals("GET") && !method.equals("POST") && !method.equals("HEAD")) {
            ex.getResponseHeaders().set("Allow", "GET, POST");
            Responses.text(ex, 405, "405: Method Not Allowed");
            return;
        }
        boolean reduced = CpuAndMemorySummary.requested(Query.parse(ex.getRequestURI().getRawQuery())
                .all("only_cpu_and_memory"));
        String body;
        try {
            Summary s = source.summary(reduced);
            body = SummaryJson.write(s);
        } catch (IOException | RuntimeException e) {
            LOG.error("HTTP InternalServerError serving", "request", "/stats/summary", "err", e.toString());
            Responses.text(ex, 500, "Internal Error: " + e.getMessage());
            return;
        }
        Responses.json(ex, 200, body);
    }
}
