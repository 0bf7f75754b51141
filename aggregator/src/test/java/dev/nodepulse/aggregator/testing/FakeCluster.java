package dev.nodepulse.aggregator.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsServer;
import dev.nodepulse.http.Query;
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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A stand-in kube-apiserver for the aggregator's tests, over TLS on 127.0.0.1, speaking the real JSON: TokenReview
 * (users with groups and extra), SubjectAccessReview (a policy over the whole spec, resource and non-resource),
 * the {@code extension-apiserver-authentication} ConfigMap, and list/watch of nodes and pods (paged lists with
 * resourceVersion, watch streams of ADDED/MODIFIED/DELETED events, the {@code status.phase=Running} field
 * selector). The caller's own bearer token is required, as the real one requires credentials.
 */
public final class FakeCluster implements AutoCloseable {

    public static final String CALLER_TOKEN = "aggregator-service-account-token";

    /** A user the fake knows by token. */
    public record User(String name, List<String> groups, Map<String, List<String>> extra) {}

    private final HttpsServer server;
    private final PemFiles.KeyPair identity;
    private final Map<String, User> users = new ConcurrentHashMap<>();
    private volatile Predicate<JsonObject> policy = spec -> false;
    private final List<JsonObject> accessReviews = Collections.synchronizedList(new ArrayList<>());
    private final List<JsonObject> tokenReviews = Collections.synchronizedList(new ArrayList<>());
    private volatile Map<String, String> configMap;
    private final Map<String, String> nodes = new ConcurrentHashMap<>();
    private final Map<String, String> pods = new ConcurrentHashMap<>();
    private final Map<String, String> podPhase = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong(100);
    private final List<BlockingQueue<String>> podWatches = new CopyOnWriteArrayList<>();
    private final List<BlockingQueue<String>> nodeWatches = new CopyOnWriteArrayList<>();
    private final AtomicLong lists = new AtomicLong();
    private volatile boolean closed;

    public FakeCluster() throws Exception {
        identity = SelfSignedCertificate.generate("kube-apiserver", List.of("localhost"), List.of("127.0.0.1"),
                Duration.ofDays(1));
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 32);
        server.setHttpsConfigurator(ServingTls.create(TlsSource.fixed(TlsSettings.serving(identity))));
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-apiserver");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public FakeCluster user(String token, User user) {
        users.put(token, user);
        return this;
    }

    public FakeCluster policy(Predicate<JsonObject> p) {
        policy = p;
        return this;
    }

    /** The authentication ConfigMap's data (string values, JSON arrays where kube-apiserver writes them). */
    public FakeCluster configMap(Map<String, String> data) {
        configMap = data;
        return this;
    }

    public List<JsonObject> accessReviews() {
        return List.copyOf(accessReviews);
    }

    public List<JsonObject> tokenReviews() {
        return List.copyOf(tokenReviews);
    }

    public long lists() {
        return lists.get();
    }

    public String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    public Path writeKubeconfig(Path dir) throws IOException {
        String ca = Base64.getEncoder().encodeToString(PemFiles.toPem("CERTIFICATE", der()).getBytes(StandardCharsets.US_ASCII));
        String yaml = "apiVersion: v1\nkind: Config\nclusters:\n- name: fake\n  cluster:\n    server: " + url()
                + "\n    certificate-authority-data: " + ca + "\ncontexts:\n- name: fake\n  context:\n    cluster: fake\n"
                + "    user: aggregator\ncurrent-context: fake\nusers:\n- name: aggregator\n  user:\n    token: " + CALLER_TOKEN + "\n";
        Path p = dir.resolve("kubeconfig");
        Files.writeString(p, yaml);
        return p;
    }

    private byte[] der() {
        try {
            return identity.chain().get(0).getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A Node with an InternalIP, the kubelet port in daemonEndpoints, labels and Ready. */
    public void node(String name, Map<String, String> labels, String ip, int port) {
        StringBuilder sb = new StringBuilder();
        JsonWriter w = new JsonWriter(sb, false).beginObject().name("kind").value("Node").name("apiVersion").value("v1")
                .name("metadata").beginObject().name("name").value(name).name("uid").value("uid-" + name)
                .name("resourceVersion").value(Long.toString(version.incrementAndGet()));
        labels(w, labels);
        w.endObject().name("spec").beginObject().endObject().name("status").beginObject()
                .name("conditions").beginArray().beginObject().name("type").value("Ready").name("status").value("True").endObject().endArray()
                .name("addresses").beginArray().beginObject().name("type").value("InternalIP").name("address").value(ip).endObject()
                .beginObject().name("type").value("Hostname").name("address").value(name).endObject().endArray()
                .name("daemonEndpoints").beginObject().name("kubeletEndpoint").beginObject().name("Port").signed(port)
                .endObject().endObject().endObject().endObject();
        boolean existed = nodes.put(name, sb.toString()) != null;
        event(nodeWatches, existed ? "MODIFIED" : "ADDED", sb.toString());
    }

    /** A Pod in the given phase; Running pods are what the aggregator's field selector lists. */
    public void pod(String namespace, String name, Map<String, String> labels, String nodeName, String phase) {
        StringBuilder sb = new StringBuilder();
        JsonWriter w = new JsonWriter(sb, false).beginObject().name("kind").value("Pod").name("apiVersion").value("v1")
                .name("metadata").beginObject().name("name").value(name).name("namespace").value(namespace)
                .name("uid").value("uid-" + namespace + "-" + name).name("resourceVersion").value(Long.toString(version.incrementAndGet()));
        labels(w, labels);
        w.endObject().name("spec").beginObject().name("nodeName").value(nodeName).name("containers").beginArray()
                .beginObject().name("name").value("app").name("image").value("example/app:1").endObject().endArray().endObject()
                .name("status").beginObject().name("phase").value(phase).endObject().endObject();
        String key = namespace + "/" + name;
        String before = podPhase.put(key, phase);
        pods.put(key, sb.toString());
        boolean wasRunning = "Running".equals(before);
        boolean running = "Running".equals(phase);
        if (running) {
            event(podWatches, wasRunning ? "MODIFIED" : "ADDED", sb.toString());
        } else if (wasRunning) {
            event(podWatches, "DELETED", sb.toString());
        }
    }

    public void deletePod(String namespace, String name) {
        String key = namespace + "/" + name;
        String json = pods.remove(key);
        String phase = podPhase.remove(key);
        if (json != null && "Running".equals(phase)) {
            event(podWatches, "DELETED", json);
        }
    }

    private static void labels(JsonWriter w, Map<String, String> labels) {
        if (!labels.isEmpty()) {
            w.name("labels").beginObject();
            labels.forEach((k, v) -> w.name(k).value(v));
            w.endObject();
        }
    }

    private void event(List<BlockingQueue<String>> watches, String type, String object) {
        String line = "{\"type\":\"" + type + "\",\"object\":" + object + "}\n";
        for (BlockingQueue<String> q : watches) {
            q.add(line);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            String path = ex.getRequestURI().getPath();
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!("Bearer " + CALLER_TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                send(ex, 401, status(401, "Unauthorized", "Unauthorized"));
                return;
            }
            Query q = Query.parse(ex.getRequestURI().getRawQuery());
            switch (path) {
                case "/apis/authentication.k8s.io/v1/tokenreviews" -> tokenReview(ex, body);
                case "/apis/authorization.k8s.io/v1/subjectaccessreviews" -> accessReview(ex, body);
                case "/api/v1/namespaces/kube-system/configmaps/extension-apiserver-authentication" -> configMap(ex);
                case "/api/v1/nodes" -> listOrWatch(ex, q, nodes, nodeWatches, "NodeList", k -> true);
                case "/api/v1/pods" -> {
                    if (!"status.phase=Running".equals(q.first("fieldSelector"))) {
                        send(ex, 400, status(400, "BadRequest", "this fake lists running pods only"));
                        return;
                    }
                    listOrWatch(ex, q, pods, podWatches, "PodList", k -> "Running".equals(podPhase.get(k)));
                }
                default -> send(ex, 404, status(404, "NotFound", "the server could not find the requested resource"));
            }
        } catch (Exception e) {
            send(ex, 500, status(500, "InternalError", String.valueOf(e)));
        }
    }

    private void listOrWatch(HttpExchange ex, Query q, Map<String, String> store, List<BlockingQueue<String>> watches,
            String kind, Predicate<String> include) throws IOException, InterruptedException {
        if ("true".equals(q.first("watch"))) {
            BlockingQueue<String> queue = new LinkedBlockingQueue<>();
            watches.add(queue);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, 0);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(q.first("timeoutSeconds")));
            try (OutputStream out = ex.getResponseBody()) {
                while (!closed && System.nanoTime() < end) {
                    String line = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (line != null) {
                        out.write(line.getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // the watcher went away
            } finally {
                watches.remove(queue);
            }
            return;
        }
        lists.incrementAndGet();
        // Paged as the real server pages: "limit" items, a continue token of the next offset.
        List<String> keys = new ArrayList<>();
        for (String k : store.keySet()) {
            if (include.test(k)) {
                keys.add(k);
            }
        }
        Collections.sort(keys);
        int limit = q.first("limit") == null ? Integer.MAX_VALUE : Integer.parseInt(q.first("limit"));
        int from = q.first("continue") == null ? 0 : Integer.parseInt(q.first("continue"));
        int to = (int) Math.min(keys.size(), (long) from + limit);
        StringBuilder sb = new StringBuilder("{\"kind\":\"" + kind + "\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\""
                + version.get() + "\"" + (to < keys.size() ? ",\"continue\":\"" + to + "\"" : "") + "},\"items\":[");
        for (int i = from; i < to; i++) {
            if (i > from) {
                sb.append(',');
            }
            sb.append(store.get(keys.get(i)));
        }
        sb.append("]}");
        send(ex, 200, sb.toString());
    }

    private void configMap(HttpExchange ex) throws IOException {
        Map<String, String> data = configMap;
        if (data == null) {
            send(ex, 404, status(404, "NotFound", "configmaps \"extension-apiserver-authentication\" not found"));
            return;
        }
        StringBuilder sb = new StringBuilder();
        JsonWriter w = new JsonWriter(sb, false).beginObject().name("kind").value("ConfigMap").name("apiVersion").value("v1")
                .name("metadata").beginObject().name("name").value("extension-apiserver-authentication")
                .name("namespace").value("kube-system").endObject().name("data").beginObject();
        data.forEach((k, v) -> w.name(k).value(v));
        w.endObject().endObject();
        send(ex, 200, sb.toString());
    }

    private void tokenReview(HttpExchange ex, String body) throws Exception {
        JsonObject o = JsonReader.parseObject(body);
        tokenReviews.add(o);
        String token = o.object("spec").string("token");
        User u = token == null ? null : users.get(token);
        StringBuilder sb = new StringBuilder();
        JsonWriter w = new JsonWriter(sb, false).beginObject().name("kind").value("TokenReview")
                .name("apiVersion").value("authentication.k8s.io/v1").name("metadata").beginObject().endObject()
                .name("spec").beginObject().name("token").value(token).endObject().name("status").beginObject();
        if (u == null) {
            w.name("user").beginObject().endObject().name("error").value("[invalid bearer token, token lookup failed]");
        } else {
            w.name("authenticated").bool(true).name("user").beginObject().name("username").value(u.name())
                    .name("uid").value("uid-" + u.name()).name("groups").beginArray();
            for (String g : u.groups()) {
                w.value(g);
            }
            w.endArray();
            if (!u.extra().isEmpty()) {
                w.name("extra").beginObject();
                for (Map.Entry<String, List<String>> e : u.extra().entrySet()) {
                    w.name(e.getKey()).beginArray();
                    e.getValue().forEach(w::value);
                    w.endArray();
                }
                w.endObject();
            }
            w.endObject();
        }
        w.endObject().endObject();
        send(ex, 201, sb.toString());
    }

    private void accessReview(HttpExchange ex, String body) throws Exception {
        JsonObject o = JsonReader.parseObject(body);
        if (!"authorization.k8s.io/v1".equals(o.string("apiVersion")) || !"SubjectAccessReview".equals(o.string("kind"))) {
            send(ex, 400, status(400, "BadRequest", "expected authorization.k8s.io/v1 SubjectAccessReview"));
            return;
        }
        accessReviews.add(o);
        boolean allowed = policy.test(o.object("spec"));
        send(ex, 201, "{\"kind\":\"SubjectAccessReview\",\"apiVersion\":\"authorization.k8s.io/v1\",\"metadata\":{},"
                + "\"spec\":{\"user\":\"x\"},\"status\":{\"allowed\":" + allowed + (allowed ? ",\"reason\":\"RBAC: allowed\"" : "") + "}}");
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
        closed = true;
        server.stop(0);
    }
}
