package dev.nodepulse.kubelet.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.nodepulse.http.Responses;
import dev.nodepulse.http.Router;
import dev.nodepulse.json.JsonObject;
import dev.nodepulse.kubelet.auth.CachingKubeReviews;
import dev.nodepulse.kubelet.auth.KubeClientOptions;
import dev.nodepulse.kubelet.tls.PemFiles;
import dev.nodepulse.testing.FakeKubeApiServer;
import dev.nodepulse.testing.TestPki;
import dev.nodepulse.testing.TlsClients;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * issue 5, Must show 3: kubelet-style auth over TLS against a fake API server that speaks the real
 * TokenReview / SubjectAccessReview JSON, through the real Kubernetes Java client.
 */
class KubeAuthTest {

    private static final String NODE = "worker-1";

    @TempDir
    Path dir;

    private FakeKubeApiServer api;
    private HttpServer server;
    private HttpClient client;
    private String base;
    private X509Certificate serving;

    @BeforeEach
    void start() throws Exception {
        api = new FakeKubeApiServer()
                .user("metrics-server-token", new FakeKubeApiServer.User("system:serviceaccount:kube-system:metrics-server",
                        "uid-1", List.of("system:serviceaccounts", "system:authenticated")))
                .user("prometheus-token", new FakeKubeApiServer.User("system:serviceaccount:monitoring:prometheus",
                        "uid-2", List.of("system:serviceaccounts")))
                // RBAC as metrics-server's ClusterRole grants it: get nodes/metrics; prometheus may only read stats.
                .policy((spec, attrs) -> {
                    String user = str(spec, "user");
                    String sub = str(attrs, "subresource");
                    boolean nodeGet = "nodes".equals(str(attrs, "resource")) && "get".equals(str(attrs, "verb"))
                            && NODE.equals(str(attrs, "name"));
                    return nodeGet && ((user.endsWith(":metrics-server") && sub.equals("metrics"))
                            || (user.endsWith(":prometheus") && sub.equals("stats"))
                            || (user.equals("kube-apiserver-kubelet-client") && !sub.isEmpty()));
                });
        PemFiles.KeyPair ca = TestPki.ca("kubernetes-ca");
        Files.writeString(dir.resolve("client-ca.crt"), PemFiles.toPem("CERTIFICATE", ca.chain().get(0).getEncoded()));
        clientCa = ca;

        KubeAuthOptions kube = new KubeAuthOptions(NODE, new KubeClientOptions(api.writeKubeconfig(dir).toString(),
                Duration.ofSeconds(10)), dir.resolve("client-ca.crt"), CachingKubeReviews.DEFAULT_TOKEN_TTL,
                CachingKubeReviews.DEFAULT_ALLOWED_TTL, CachingKubeReviews.DEFAULT_DENIED_TTL,
                p -> p.startsWith("/stats/") || p.startsWith("/metrics/"));
        ServingSecurity security = ServingSecurity.configure(new ServingOptions(null, null, null, false, "worker-1",
                List.of(), kube));
        assertTrue(security.tls(), "kube auth turns on TLS with a generated pair");
        Router router = new Router()
                .route("/stats/summary", "", ex -> Responses.json(ex, 200, "{}"))
                .route("/metrics/resource", "", ex -> Responses.text(ex, 200, "resource"))
                .route("/healthz", "", ex -> Responses.text(ex, 200, "ok"));
        server = security.createServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", security.wrap(router));
        server.start();
        base = "https://127.0.0.1:" + server.getAddress().getPort();
        serving = servingCertificate(base);
        client = TlsClients.trusting(serving);
    }

    private PemFiles.KeyPair clientCa;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    void noCredentialsIs401() throws Exception {
        HttpResponse<String> r = get("/metrics/resource", Map.of());
        assertEquals(401, r.statusCode());
        assertEquals("Unauthorized", r.body());
        assertEquals(0, api.tokenReviews().size());
        assertEquals(401, get("/stats/summary", Map.of("Authorization", "Basic dTpw")).statusCode());
    }

    @Test
    void tokenTheApiServerRejectsIs401() throws Exception {
        assertEquals(401, get("/metrics/resource", bearer("stolen-token")).statusCode());
        JsonObject review = api.tokenReviews().get(0);
        assertEquals("stolen-token", review.object("spec").string("token"));
        assertEquals(0, api.accessReviews().size(), "no authorization for an unauthenticated request");
    }

    @Test
    void tokenThatSubjectAccessReviewDeniesIs403() throws Exception {
        HttpResponse<String> r = get("/metrics/resource", bearer("prometheus-token"));
        assertEquals(403, r.statusCode());
        assertEquals("Forbidden (user=system:serviceaccount:monitoring:prometheus, verb=get, resource=nodes, "
                + "subresource=metrics)", r.body());
    }

    @Test
    void allowedTokenIs200AndTheReviewsCarryTheKubeletsAttributes() throws Exception {
        HttpResponse<String> r = get("/metrics/resource", bearer("metrics-server-token"));
        assertEquals(200, r.statusCode());
        assertEquals("resource", r.body());
        JsonObject spec = api.accessReviews().get(0).object("spec");
        assertEquals("system:serviceaccount:kube-system:metrics-server", spec.string("user"));
        assertEquals("uid-1", spec.string("uid"));
        JsonObject attrs = spec.object("resourceAttributes");
        assertEquals("get", attrs.string("verb"));
        assertEquals("v1", attrs.string("version"));
        assertEquals("nodes", attrs.string("resource"));
        assertEquals("metrics", attrs.string("subresource"));
        assertEquals(NODE, attrs.string("name"));
        assertNull(attrs.get("namespace"));
        assertNull(spec.get("nonResourceAttributes"));

        // Prometheus' token is good for stats; groups gain system:authenticated as the apiserver library adds it.
        assertEquals(200, get("/stats/summary", bearer("prometheus-token")).statusCode());
        JsonObject promSpec = api.accessReviews().get(1).object("spec");
        assertEquals("stats", promSpec.object("resourceAttributes").string("subresource"));
        assertTrue(promSpec.get("groups").toString().contains("system:authenticated"), promSpec.toString());

        // Repeated scrapes are answered from the caches.
        int tokenReviews = api.tokenReviews().size();
        int accessReviews = api.accessReviews().size();
        for (int i = 0; i < 5; i++) {
            assertEquals(200, get("/metrics/resource", bearer("metrics-server-token")).statusCode());
        }
        assertEquals(tokenReviews, api.tokenReviews().size());
        assertEquals(accessReviews, api.accessReviews().size());
    }

    @Test
    void unprotectedPathsNeedNoCredentials() throws Exception {
        assertEquals(200, get("/healthz", Map.of()).statusCode());
        assertEquals(0, api.tokenReviews().size());
    }

    @Test
    void clientCertificateFromTheClientCaAuthenticatesWithoutAToken() throws Exception {
        PemFiles.KeyPair cert = TestPki.issue(clientCa, "kube-apiserver-kubelet-client", List.of("system:masters"),
                KeyPurposeId.id_kp_clientAuth, List.of());
        HttpClient withCert = TlsClients.client(serving, cert.key(), cert.chain());
        HttpResponse<String> r = TlsClients.get(withCert, base + "/stats/summary", Map.of());
        assertEquals(200, r.statusCode());
        assertEquals(0, api.tokenReviews().size());
        JsonObject spec = api.accessReviews().get(0).object("spec");
        assertEquals("kube-apiserver-kubelet-client", spec.string("user"));
        assertTrue(spec.get("groups").toString().contains("system:masters"));

        // A certificate from another CA does not authenticate (and does not break the handshake either).
        PemFiles.KeyPair other = TestPki.issue(TestPki.ca("other"), "kube-apiserver-kubelet-client", List.of(),
                KeyPurposeId.id_kp_clientAuth, List.of());
        assertEquals(401, TlsClients.get(TlsClients.client(serving, other.key(), other.chain()), base + "/stats/summary",
                Map.of()).statusCode());
        // A server-only certificate from the right CA is not a client credential.
        PemFiles.KeyPair serverOnly = TestPki.issue(clientCa, "kube-apiserver-kubelet-client", List.of(),
                KeyPurposeId.id_kp_serverAuth, List.of());
        assertEquals(401, TlsClients.get(TlsClients.client(serving, serverOnly.key(), serverOnly.chain()),
                base + "/stats/summary", Map.of()).statusCode());
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        return TlsClients.get(client, base + path, headers);
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private static String str(JsonObject o, String k) {
        try {
            String s = o.string(k);
            return s == null ? "" : s;
        } catch (Exception e) {
            return "";
        }
    }

    /** The generated certificate, read off the handshake (a client that pins it, as operators do by fingerprint). */
    private static X509Certificate servingCertificate(String url) throws Exception {
        javax.net.ssl.SSLContext trustAll = javax.net.ssl.SSLContext.getInstance("TLS");
        X509Certificate[] seen = new X509Certificate[1];
        trustAll.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] c, String a) {}

            public void checkServerTrusted(X509Certificate[] c, String a) {
                seen[0] = c[0];
            }

            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        java.net.URI u = java.net.URI.create(url);
        try (javax.net.ssl.SSLSocket s = (javax.net.ssl.SSLSocket) trustAll.getSocketFactory().createSocket(u.getHost(),
                u.getPort())) {
            s.startHandshake();
        }
        return seen[0];
    }
}
