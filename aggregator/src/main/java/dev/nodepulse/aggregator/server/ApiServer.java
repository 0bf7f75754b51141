package dev.nodepulse.aggregator.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsExchange;
import dev.nodepulse.aggregator.api.ApiResponse;
import dev.nodepulse.aggregator.api.ApiStatus;
import dev.nodepulse.aggregator.api.MetricsApi;
import dev.nodepulse.aggregator.api.RequestInfo;
import dev.nodepulse.http.Exposition;
import dev.nodepulse.kubelet.auth.KubeReviews;
import dev.nodepulse.kubelet.auth.RequestCredentials;
import dev.nodepulse.kubelet.auth.RequestHeaderAuthenticator;
import dev.nodepulse.log.Log;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The request pipeline of the aggregated API server: authenticate (front proxy, client certificate, token,
 * anonymous), authorize (always-allowed paths, system:masters, SubjectAccessReview), then route to health
 * checks, /metrics, OpenAPI, /version, pushes or the metrics API. Unauthenticated → 401 and denied → 403 as
 * metav1 Status objects, like k8s.io/apiserver's filters.
 */
public final class ApiServer implements HttpHandler {

    private static final Log LOG = Log.get(ApiServer.class);
    private static final int MAX_PUSH_BYTES = 32 << 20;

    private final DelegatedAuthentication authentication;
    private final DelegatedAuthorization authorization;
    private final MetricsApi api;
    private final Health health;
    private final SelfMetrics metrics;
    private final OpenApi openApi;
    private final PushHandler push;
    private final String version;

    public ApiServer(DelegatedAuthentication authentication, DelegatedAuthorization authorization, MetricsApi api,
            Health health, SelfMetrics metrics, OpenApi openApi, PushHandler push, String version) {
        this.authentication = authentication;
        this.authorization = authorization;
        this.api = api;
        this.health = health;
        this.metrics = metrics;
        this.openApi = openApi;
        this.push = push;
        this.version = version;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try {
            serve(ex);
        } catch (IOException e) {
            LOG.debug("response not delivered", "path", ex.getRequestURI().getPath(), "err", e.toString());
        } catch (RuntimeException e) {
            LOG.error("request failed", "path", ex.getRequestURI().getPath(), "err", e.toString());
            try {
                send(ex, ApiStatus.internal(String.valueOf(e.getMessage())));
            } catch (IOException | RuntimeException ignored) {
                // the client is gone
            }
        } finally {
            ex.close();
        }
    }

    private void serve(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath();
        String rawQuery = ex.getRequestURI().getRawQuery();
        X509Certificate[] chain = ex instanceof HttpsExchange https ? RequestCredentials.peerChain(https) : null;
        DelegatedAuthentication.Result auth = authentication.authenticate(chain, headers(ex),
                ex.getRequestHeaders().getFirst("Authorization"));

        if (PushHandler.serves(path) && push != null) {
            byte[] body = readBody(ex);
            send(ex, push.handle(method, path, auth, body));
            return;
        }
        drain(ex);
        if (auth.user() == null) {
            // Probes carry no credentials; their paths stay open even when anonymous access is off.
            if (!(authorization.alwaysAllowed(path) && health.serves(path))) {
                send(ex, ApiStatus.unauthorized());
                return;
            }
        } else {
            String watch = dev.nodepulse.http.Query.parse(rawQuery).first("watch");
            RequestInfo info = RequestInfo.of(method, path, "true".equals(watch) || "1".equals(watch));
            KubeReviews.Decision d;
            try {
                d = authorization.authorize(auth.user(), info);
            } catch (Exception e) {
                LOG.error("Authorization error", "user", auth.user().name(), "verb", info.verb(), "path", path,
                        "err", e.toString());
                send(ex, ApiStatus.internal(e.toString()));
                return;
            }
            if (!d.allowed()) {
                LOG.debug("Forbidden", "user", auth.user().name(), "verb", info.verb(), "path", path, "reason", d.reason());
                send(ex, ApiStatus.forbidden(info, auth.user().name(), d.reason()));
                return;
            }
        }
        route(ex, method, path, rawQuery);
    }

    private void route(HttpExchange ex, String method, String path, String rawQuery) throws IOException {
        if (health.serves(path)) {
            send(ex, health.handle(path, rawQuery));
        } else if (path.equals("/metrics")) {
            Exposition.write(ex, metrics.registry().scrape());
        } else if (path.equals("/openapi/v2")) {
            send(ex, openApi.v2(ex.getRequestHeaders().getFirst("If-None-Match")));
        } else if (path.equals("/version") || path.equals("/version/")) {
            send(ex, ApiResponse.json(200, "{\"major\":\"0\",\"minor\":\"1\",\"gitVersion\":\"v" + version
                    + "\",\"gitCommit\":\"\",\"gitTreeState\":\"\",\"buildDate\":\"\",\"goVersion\":\"\",\"compiler\":\"\",\"platform\":\""
                    + System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT) + "/" + System.getProperty("os.arch") + "\"}"));
        } else if (path.equals("/")) {
            send(ex, ApiResponse.json(200, "{\"paths\":[\"/apis\",\"/apis/metrics.k8s.io\",\"/apis/metrics.k8s.io/v1beta1\","
                    + "\"/healthz\",\"/livez\",\"/metrics\",\"/openapi/v2\",\"/readyz\",\"/version\"]}"));
        } else if (MetricsApi.serves(path)) {
            send(ex, api.handle(method, path, rawQuery, ex.getRequestHeaders().getFirst("Accept")));
        } else {
            send(ex, ApiResponse.text(404, "404 page not found\n"));
        }
    }

    static void send(HttpExchange ex, ApiResponse r) throws IOException {
        ex.getResponseHeaders().set("Content-Type", r.contentType());
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        for (Map.Entry<String, String> h : r.headers().entrySet()) {
            ex.getResponseHeaders().set(h.getKey(), h.getValue());
        }
        boolean head = ex.getRequestMethod().equals("HEAD");
        boolean empty = r.body().length == 0 || r.status() == 304;
        ex.sendResponseHeaders(r.status(), head || empty ? -1 : r.body().length);
        if (!head && !empty) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(r.body());
            }
        }
    }

    private static byte[] readBody(HttpExchange ex) throws IOException {
        InputStream in = ex.getRequestBody();
        if ("gzip".equalsIgnoreCase(ex.getRequestHeaders().getFirst("Content-Encoding"))) {
            in = new GZIPInputStream(in);
        }
        try (InputStream body = in) {
            byte[] b = body.readNBytes(MAX_PUSH_BYTES + 1);
            if (b.length > MAX_PUSH_BYTES) {
                throw new IOException("push body larger than " + MAX_PUSH_BYTES + " bytes");
            }
            return b;
        }
    }

    private static void drain(HttpExchange ex) {
        try {
            ex.getRequestBody().close();
        } catch (IOException ignored) {
            // nothing to read
        }
    }

    private static RequestHeaderAuthenticator.Headers headers(HttpExchange ex) {
        return new RequestHeaderAuthenticator.Headers() {
            @Override
            public List<String> values(String name) {
                List<String> v = ex.getRequestHeaders().get(name);
                return v == null ? List.of() : v;
            }

            @Override
            public Iterable<String> names() {
                return ex.getRequestHeaders().keySet();
            }
        };
    }

}
