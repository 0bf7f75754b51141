package dev.nodepulse.kubelet.webconfig;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.nodepulse.http.Responses;
import java.io.IOException;
import java.util.Map;
import java.util.function.Predicate;

/**
 * node_exporter's web handler in front of every path: the current config (500 while it is broken), the
 * rate limit (429), the configured response headers, then basic auth when users are configured (401 with
 * {@code WWW-Authenticate: Basic}). Paths for which {@code skipBasicAuth} holds are exempt from basic auth:
 * health checks, and paths whose Authorization header another authenticator (Kubernetes bearer tokens) owns.
 */
public final class WebConfigFilter implements HttpHandler {

    private final WebConfigFile file;
    private final HttpHandler next;
    private final Predicate<String> skipBasicAuth;
    private final RateLimiter limiter;
    private final BasicAuth basicAuth = new BasicAuth();

    public WebConfigFilter(WebConfigFile file, HttpHandler next, Predicate<String> skipBasicAuth) {
        this.file = file;
        this.next = next;
        this.skipBasicAuth = skipBasicAuth;
        // exporter-toolkit builds its limiter once, from the config at start-up.
        WebConfig.RateLimit rl = file.state().config().rateLimit();
        this.limiter = rl.interval().isZero() ? null : new RateLimiter(rl.interval(), rl.burst());
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        WebConfigFile.Loaded l = file.state();
        if (l.error() != null) {
            ex.getRequestBody().close();
            Responses.text(ex, 500, "Internal Server Error\n");
            return;
        }
        if (limiter != null && !limiter.allow()) {
            Responses.text(ex, 429, "Too Many Requests\n");
            return;
        }
        for (Map.Entry<String, String> h : l.config().http().headers().entrySet()) {
            ex.getResponseHeaders().set(h.getKey(), h.getValue());
        }
        Map<String, String> users = l.config().users();
        if (!users.isEmpty() && !skipBasicAuth.test(ex.getRequestURI().getPath())
                && !basicAuth.allowed(users, ex.getRequestHeaders().getFirst("Authorization"))) {
            ex.getResponseHeaders().set("WWW-Authenticate", "Basic");
            ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            Responses.text(ex, 401, "Unauthorized\n");
            return;
        }
        next.handle(ex);
    }
}
