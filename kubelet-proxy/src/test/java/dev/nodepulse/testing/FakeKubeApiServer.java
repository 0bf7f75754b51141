package dev.nodepulse.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsServer;
import dev.nodepulse.json.JsonObject;
import dev.nodepulse.json.JsonReader;
import dev.nodepulse.json.JsonWriter;
import dev.nodepulse.kubelet.tls.PemFiles;
import dev.nodepulse.kubelet.tls.SelfSignedCertificate;
import dev.nodepulse.kubelet.tls.ServingTls;
import dev.nodepulse.kubelet.tls.TlsSettings;
import dev.nodepulse.kubelet.tls.TlsSource;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;

/**
 * A stand-in kube-apiserver on 127.0.0.1 over TLS that answers TokenReview and SubjectAccessReview the way
 * the real one does (authentication.k8s.io/v1, authorization.k8s.io/v1 JSON, the caller's own bearer token
 * required), keeps every review it received for assertions, and writes a kubeconfig that points at it.
 */
public final class FakeKubeApiServer implements AutoCloseable {

    /** The token the reviewer itself presents, as a service account would. */
    public static final String CALLER_TOKEN = "caller-service-account-token";

    /** A user the fake knows by token; extra as TokenReview reports it (e.g. a bound token's node name). */
    public record User(String name, String uid, List<String> groups, Map<String, List<String>> extra) {

        public User(String name, String uid, List<String> groups) {
            this(name, uid, groups, Map.of());
        }
    }

    private final HttpsServer server;
    private final PemFiles.KeyPair identity;
    private final Map<String, User> users = new ConcurrentHashMap<>();
    private volatile BiPredicate<JsonObject, JsonObject> policy = (spec, attrs) -> false;
    private final List<JsonObject> tokenReviews = Collections.synchronizedList(new ArrayList<>());
    private final List<JsonObject> accessReviews = Collections.synchronizedList(new ArrayList<>());

    public FakeKubeApiServer() throws Exception {
        identity = SelfSignedCertificate.generate("kube-apiserver", List.of("localhost"), List.of("127.0.0.1"),
                Duration.ofDays(1));
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setHttpsConfigurator(ServingTls.create(TlsSource.fixed(TlsSettings.serving(identity))));
        server.createContext("/apis/authentication.k8s.io/v1/tokenreviews", this::tokenReview);
        server.createContext("/apis/authorization.k8s.io/v1/subjectaccessreviews", this::accessReview);
        server.createContext("/", ex -> send(ex, 404, status(404, "NotFound", "the server could not find the requested resource")));
        server.start();
    }

    public FakeKubeApiServer user(String token, User user) {
        users.put(token, user);
        return this;
    }

    /** Decides SubjectAccessReviews: (spec, spec.resourceAttributes) → allowed. */
    public FakeKubeApiServer policy(BiPredicate<JsonObject, JsonObject> p) {
        policy = p;
        return this;
    }

    public List<JsonObject> tokenReviews() {
        return List.copyOf(tokenReviews);
    }

    public List<JsonObject> accessReviews() {
        return List.copyOf(accessReviews);
    }

    public String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A kubeconfig for this server: its CA inline and the caller's token. */
    public Path writeKubeconfig(Path dir) throws IOException {
        String ca = Base64.getEncoder().encodeToString(
                PemFiles.toPem("CERTIFICATE", certificateDer()).getBytes(StandardCharsets.US_ASCII));
        String yaml = "apiVersion: v1\nkind: Config\nclusters:\n- name: fake\n  cluster:\n    server: " + url()
                + "\n    certificate-authority-data: " + ca + "\ncontexts:\n- name: fake\n  context:\n    cluster: fake\n"
                + "    user: reviewer\ncurrent-context: fake\nusers:\n- name: reviewer\n  user:\n    token: " + CALLER_TOKEN
                + "\n";
        Path p = dir.resolve("kubeconfig");
        Files.writeString(p, yaml);
        return p;
    }

    private byte[] certificateDer() {
        try {
            return identity.chain().get(0).getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void tokenReview(HttpExchange ex) throws IOException {
        JsonObject body = admit(ex, "authentication.k8s.io/v1", "TokenReview");
        if (body == null) {
            return;
        }
        tokenReviews.add(body);
        try {
            String token = body.object("spec").string("token");
            User u = token == null ? null : users.get(token);
            StringBuilder sb = new StringBuilder();
            JsonWriter w = new JsonWriter(sb, false).beginObject().name("kind").value("TokenReview")
                    .name("apiVersion").value("authentication.k8s.io/v1")
                    .name("metadata").beginObject().name("creationTimestamp").nullValue().endObject()
                    .name("spec").beginObject().name("token").value(token).endObject()
                    .name("status").beginObject();
            if (u == null) {
                w.name("user").beginObject().endObject().name("error").value("[invalid bearer token, token lookup failed]");
            } else {
                w.name("authenticated").bool(true).name("user").beginObject().name("username").value(u.name())
                        .name("uid").value(u.uid()).name("groups").beginArray();
                for (String g : u.groups()) {
                    w.value(g);
                }
                w.endArray();
                if (!u.extra().isEmpty()) {
                    w.name("extra").beginObject();
                    for (Map.Entry<String, List<String>> e : u.extra().entrySet()) {
                        w.name(e.getKey()).beginArray();
                        for (String v : e.getValue()) {
                            w.value(v);
                        }
                        w.endArray();
                    }
                    w.endObject();
                }
                w.endObject().name("audiences").beginArray().value("https://kubernetes.default.svc").endArray();
            }
            w.endObject().endObject();
            send(ex, 201, sb.toString());
        } catch (Exception e) {
            send(ex, 400, status(400, "BadRequest", e.getMessage()));
        }
    }

    private void accessReview(HttpExchange ex) throws IOException {
        JsonObject body = admit(ex, "authorization.k8s.io/v1", "SubjectAccessReview");
        if (body == null) {
            return;
        }
        accessReviews.add(body);
        try {
            JsonObject spec = body.object("spec");
            JsonObject attrs = spec.object("resourceAttributes");
            boolean allowed = attrs != null && policy.test(spec, attrs);
            StringBuilder sb = new StringBuilder();
            JsonWriter w = new JsonWriter(sb, false).beginObject().name("kind").value("SubjectAccessReview")
                    .name("apiVersion").value("authorization.k8s.io/v1")
                    .name("metadata").beginObject().name("creationTimestamp").nullValue().endObject()
                    .name("spec").beginObject().name("user").value(spec.string("user")).endObject()
                    .name("status").beginObject().name("allowed").bool(allowed);
            w.name("reason").value(allowed ? "RBAC: allowed by ClusterRoleBinding \"test\"" : "");
            w.endObject().endObject();
            send(ex, 201, sb.toString());
        } catch (Exception e) {
            send(ex, 400, status(400, "BadRequest", e.getMessage()));
        }
    }

    /** The checks the API server makes before reviewing: POST, the caller's credentials, the right kind. */
    private JsonObject admit(HttpExchange ex, String apiVersion, String kind) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!ex.getRequestMethod().equals("POST")) {
            send(ex, 405, status(405, "MethodNotAllowed", "the server does not allow this method on the requested resource"));
            return null;
        }
        if (!("Bearer " + CALLER_TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            send(ex, 401, status(401, "Unauthorized", "Unauthorized"));
            return null;
        }
        try {
            JsonObject o = JsonReader.parseObject(body);
            if (!apiVersion.equals(o.string("apiVersion")) || !kind.equals(o.string("kind"))) {
                send(ex, 400, status(400, "BadRequest", "expected " + apiVersion + " " + kind));
                return null;
            }
            return o;
        } catch (Exception e) {
            send(ex, 400, status(400, "BadRequest", e.getMessage()));
            return null;
        }
    }

    private static String status(int code, String reason, String message) {
        StringBuilder sb = new StringBuilder();
        new JsonWriter(sb, false).beginObject().name("kind").value("Status").name("apiVersion").value("v1")
                .name("metadata").beginObject().endObject().name("status").value("Failure").name("message").value(message)
                .name("reason").value(reason).name("code").signed(code).endObject();
        return sb.toString();
    }

    private static void send(HttpExchange ex, int status, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
