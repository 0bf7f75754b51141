package dev.nodepulse.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.nodepulse.log.Log;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exact-path routing on one JDK HttpServer context. The JDK matches contexts by prefix, which would make
 * "/metricsfoo" answer as "/metrics"; the kubelet and node_exporter answer 404 there, so do we.
 */
public final class Router implements HttpHandler {

    private static final Log LOG = Log.get(Router.class);

    /** A path the server answers, with the line the landing page shows for it. */
    public record Route(String path, String description, HttpHandler handler) {}

    private final Map<String, Route> routes = new LinkedHashMap<>();

    public Router route(String path, String description, HttpHandler handler) {
        routes.put(path, new Route(path, description, handler));
        return this;
    }

    public List<Route> routes() {
        return new ArrayList<>(routes.values());
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try {
            Route r = routes.get(ex.getRequestURI().getPath());
            if (r == null) {
                Responses.text(ex, 404, "404 page not found\n");
                return;
            }
            r.handler().handle(ex);
        } catch (IOException e) {
            // The client went away mid-response; nothing to answer.
            LOG.debug("response not delivered", "path", ex.getRequestURI().getPath(), "err", e.toString());
            ex.close();
        } catch (RuntimeException | Error e) {
            // An Error (an OutOfMemoryError in a large answer, say) must still end the exchange: otherwise the
            // client waits for a response that never comes and the connection stays open.
            LOG.error("request failed", "path", ex.getRequestURI().getPath(), "err", e.toString());
            try {
                Responses.text(ex, 500, "internal error: " + e.getMessage() + "\n");
            } catch (IOException | RuntimeException | Error ignored) {
                ex.close();
            }
        }
    }
}
