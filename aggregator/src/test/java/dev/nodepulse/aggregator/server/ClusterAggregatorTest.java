package dev.nodepulse.aggregator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.aggregator.Aggregator;
import dev.nodepulse.aggregator.AggregatorFlags;
import dev.nodepulse.aggregator.testing.FakeAgent;
import dev.nodepulse.aggregator.testing.FakeCluster;
import dev.nodepulse.aggregator.testing.Http;
import dev.nodepulse.aggregator.testing.Pki;
import dev.nodepulse.aggregator.testing.ResourceText;
import dev.nodepulse.json.JsonObject;
import dev.nodepulse.json.JsonReader;
import dev.nodepulse.kubelet.tls.PemFiles;
import dev.nodepulse.kubelet.tls.SelfSignedCertificate;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The aggregator against a fake API server (real TokenReview, SubjectAccessReview, ConfigMap and list/watch JSON)
 * and two fake agents over TLS: delegated authentication and authorization answers (issue 5's auth cases plus the
 * front-proxy ones), and HPA semantics of label-selected PodMetrics lists backed by the informers.
 */
class ClusterAggregatorTest {

    static Path dir;
    static FakeCluster api;
    static Pki pki;
    static FakeAgent agentA;
    static FakeAgent agentB;
    static Aggregator aggregator;
    static String base;
    static final long START = System.currentTimeMillis();

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("aggregator-cluster-test");
        pki = new Pki(dir);
        api = new FakeCluster()
                .user("alice-token", new FakeCluster.User("alice", List.of("devs"), Map.of()))
                .user("bob-token", new FakeCluster.User("bob", List.of("devs"), Map.of()))
                .user("agent-c-token", new FakeCluster.User("system:serviceaccount:nodepulse:nodepulse-agent",
                        List.of("system:serviceaccounts", "system:serviceaccounts:nodepulse"),
                        Map.of("authentication.kubernetes.io/node-name", List.of("node-c"))))
                .user("other-sa-token", new FakeCluster.User("system:serviceaccount:default:builder",
                        List.of("system:serviceaccounts"), Map.of("authentication.kubernetes.io/node-name", List.of("node-c"))))
                .policy(spec -> {
                    String user = str(spec, "user");
                    JsonObject ra = obj(spec, "resourceAttributes");
                    JsonObject nra = obj(spec, "nonResourceAttributes");
                    boolean reader = user.equals("alice") || user.equals("carol") || user.equals("dave");
                    if (ra != null) {
                        return reader && "metrics.k8s.io".equals(str(ra, "group"))
                                && List.of("get", "list", "watch").contains(str(ra, "verb"));
                    }
                    return reader && nra != null && str(nra, "path").startsWith("/");
                })
                .configMap(Map.of(
                        "client-ca-file", pki.pem(pki.clusterCa),
                        "requestheader-client-ca-file", pki.pem(pki.frontProxyCa),
                        "requestheader-allowed-names", "[\"front-proxy-client\"]",
                        "requestheader-username-headers", "[\"X-Remote-User\"]",
                        "requestheader-group-headers", "[\"X-Remote-Group\"]",
                        "requestheader-extra-headers-prefix", "[\"X-Remote-Extra-\"]"));
        PemFiles.KeyPair agentTls = SelfSignedCertificate.generate("agent", List.of("localhost"), List.of("127.0.0.1"),
                Duration.ofDays(1));
        agentA = new FakeAgent(body(List.of(
                new String[] {"default", "web-1", "nginx"}, new String[] {"default", "web-1", "sidecar"},
                new String[] {"default", "web-2", "nginx"}, new String[] {"default", "db-1", "postgres"},
                new String[] {"default", "pending-1", "app"})), agentTls);
        agentB = new FakeAgent(body(List.of(
                new String[] {"default", "web-3", "nginx"}, new String[] {"kube-system", "dns-1", "coredns"},
                new String[] {"other", "web-4", "nginx"})), agentTls);
        api.node("node-a", Map.of("kubernetes.io/hostname", "node-a", "pool", "blue"), "127.0.0.1", agentA.port());
        api.node("node-b", Map.of("kubernetes.io/hostname", "node-b", "pool", "green"), "127.0.0.1", agentB.port());
        api.node("node-c", Map.of("kubernetes.io/hostname", "node-c", "pool", "edge"), "127.0.0.1", 1); // behind NAT
        api.pod("edge", "sensor-1", Map.of("app", "sensor"), "node-c", "Running");
        api.pod("default", "web-1", Map.of("app", "web", "tier", "front"), "node-a", "Running");
        api.pod("default", "web-2", Map.of("app", "web", "tier", "front"), "node-a", "Running");
        api.pod("default", "db-1", Map.of("app", "db"), "node-a", "Running");
        api.pod("default", "pending-1", Map.of("app", "web"), "node-a", "Pending");
        api.pod("default", "web-3", Map.of("app", "web", "tier", "front"), "node-b", "Running");
        api.pod("kube-system", "dns-1", Map.of("k8s-app", "kube-dns"), "node-b", "Running");
        api.pod("other", "web-4", Map.of("app", "web"), "node-b", "Running");
        api.pod("default", "web-5", Map.of("app", "web"), "node-b", "Running"); // Running, but no agent reports it

        String[] args = {"--kubeconfig=" + api.writeKubeconfig(dir), "--bind-address=127.0.0.1", "--secure-port=0",
                "--tls-cert-file=" + pki.file("serving.crt"), "--tls-private-key-file=" + pki.file("serving.key"),
                "--metric-resolution=1s", "--kubelet-request-timeout=900ms", "--kubelet-use-node-status-port",
                "--kubelet-preferred-address-types=InternalIP", "--kubelet-insecure-tls", "--log.level=warn"};
        aggregator = Aggregator.start(AggregatorFlags.define().parse(args));
        base = "https://127.0.0.1:" + aggregator.port();
        Http probe = new Http(base, pki.serving, null);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (probe.get("/readyz").statusCode() != 200) {
            assertTrue(System.nanoTime() < deadline, "aggregator never became ready");
            Thread.sleep(100);
        }
    }

    /** Node CPU grows 0.5 core-s per second, each container 0.1; timestamps are the serving time. */
    static Supplier<String> body(List<String[]> containers) {
        return () -> {
            long now = System.currentTimeMillis();
            double elapsed = (now - START) / 1000.0 + 100;
            ResourceText t = new ResourceText().node(elapsed * 0.5, 2_000_000_000, now);
            for (String[] c : containers) {
                t.container(c[0], c[1], c[2], elapsed * 0.1, 50 * 1024 * 1024, START / 1000.0 - 3600, now);
            }
            return t.render();
        };
    }

    @AfterAll
    static void stop() {
        if (aggregator != null) {
            aggregator.close();
        }
        agentA.close();
        agentB.close();
        api.close();
    }

    static String str(JsonObject o, String k) {
        try {
            String s = o.string(k);
            return s == null ? "" : s;
        } catch (Exception e) {
            return "";
        }
    }

    static JsonObject obj(JsonObject o, String k) {
        try {
            return o.object(k);
        } catch (Exception e) {
            return null;
        }
    }

    static JsonObject json(HttpResponse<String> r) throws Exception {
        return JsonReader.parseObject(r.body());
    }

    static List<String> names(JsonObject list) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonObject i : list.objects("items")) {
            JsonObject m = i.object("metadata");
            out.add((m.string("namespace") == null ? "" : m.string("namespace") + "/") + m.string("name"));
        }
        return out;
    }

    private static Http anonymous() throws Exception {
        return new Http(base, pki.serving, null);
    }

    @Test
    void noCredentialsIsAnonymousAndForbidden() throws Exception {
        HttpResponse<String> r = anonymous().get("/apis/metrics.k8s.io/v1beta1/nodes");
        assertEquals(403, r.statusCode(), r.body());
        JsonObject s = json(r);
        assertEquals("Forbidden", s.string("reason"));
        assertEquals("nodes.metrics.k8s.io is forbidden: User \"system:anonymous\" cannot list resource \"nodes\" in API "
                + "group \"metrics.k8s.io\" at the cluster scope", s.string("message"));
    }

    @Test
    void tokenRejectedByTokenReviewIs401() throws Exception {
        HttpResponse<String> r = anonymous().get("/apis/metrics.k8s.io/v1beta1/nodes", Map.of("Authorization", "Bearer nope"));
        assertEquals(401, r.statusCode());
        assertEquals("Unauthorized", json(r).string("reason"));
    }

    @Test
    void tokenDeniedBySubjectAccessReviewIs403() throws Exception {
        HttpResponse<String> r = anonymous().get("/apis/metrics.k8s.io/v1beta1/namespaces/default/pods",
                Map.of("Authorization", "Bearer bob-token"));
        assertEquals(403, r.statusCode());
        assertEquals("pods.metrics.k8s.io is forbidden: User \"bob\" cannot list resource \"pods\" in API group "
                + "\"metrics.k8s.io\" in the namespace \"default\"", json(r).string("message"));
    }

    @Test
    void allowedTokenReadsNodes() throws Exception {
        HttpResponse<String> r = anonymous().get("/apis/metrics.k8s.io/v1beta1/nodes", Map.of("Authorization", "Bearer alice-token"));
        assertEquals(200, r.statusCode(), r.body());
        JsonObject list = json(r);
        assertEquals("NodeMetricsList", list.string("kind"));
        assertEquals(List.of("node-a", "node-b"), names(list));
        JsonObject a = list.objects("items").get(0);
        assertEquals("blue", a.object("metadata").stringMap("labels").get("pool"));
        // 0.5 core-s per second: 500m, give or take the timer granularity between two scrapes
        long milli = cpuMillis(a.object("usage").string("cpu"));
        assertTrue(milli >= 480 && milli <= 520, a.toString());
        assertEquals("1953125Ki", a.object("usage").string("memory"));
    }

    static long cpuMillis(String q) {
        if (q.endsWith("n")) {
            return Long.parseLong(q.substring(0, q.length() - 1)) / 1_000_000;
        }
        if (q.endsWith("u")) {
            return Long.parseLong(q.substring(0, q.length() - 1)) / 1_000;
        }
        if (q.endsWith("m")) {
            return Long.parseLong(q.substring(0, q.length() - 1));
        }
        return Long.parseLong(q) * 1000;
    }

    @Test
    void frontProxyCertificateWithHeaders() throws Exception {
        Http proxy = new Http(base, pki.serving, pki.frontProxyClient);
        int before = api.accessReviews().size();
        HttpResponse<String> r = proxy.get("/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/web-1",
                Map.of("X-Remote-User", "carol", "X-Remote-Group", "readers", "X-Remote-Extra-Scopes", "view"));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("PodMetrics", json(r).string("kind"));
        JsonObject spec = api.accessReviews().get(before).object("spec");
        assertEquals("carol", spec.string("user"));
        assertEquals("[readers, system:authenticated]", String.valueOf(spec.get("groups")));
        assertTrue(String.valueOf(spec.object("extra").get("scopes")).contains("view"), spec.toString());
        JsonObject ra = spec.object("resourceAttributes");
        assertEquals("get", ra.string("verb"));
        assertEquals("pods", ra.string("resource"));
        assertEquals("default", ra.string("namespace"));
        assertEquals("web-1", ra.string("name"));
        assertEquals("v1beta1", ra.string("version"));
    }

    @Test
    void frontProxyGroupSystemMastersSkipsReview() throws Exception {
        Http proxy = new Http(base, pki.serving, pki.frontProxyClient);
        int before = api.accessReviews().size();
        // kube-apiserver's availability probe
        HttpResponse<String> r = proxy.get("/apis/metrics.k8s.io/v1beta1",
                Map.of("X-Remote-User", "system:kube-aggregator", "X-Remote-Group", "system:masters"));
        assertEquals(200, r.statusCode());
        assertEquals(before, api.accessReviews().size());
    }

    @Test
    void requestHeaderCaCertificateWithNameNotAllowedIsRejected() throws Exception {
        Http rogue = new Http(base, pki.serving, pki.frontProxyRogue);
        HttpResponse<String> r = rogue.get("/apis/metrics.k8s.io/v1beta1/nodes",
                Map.of("X-Remote-User", "carol", "X-Remote-Group", "system:masters"));
        assertEquals(401, r.statusCode(), r.body());
    }

    @Test
    void headersWithoutVerifiedFrontProxyCertificateAreIgnored() throws Exception {
        // no certificate: the headers name nobody; the request is anonymous
        HttpResponse<String> r = anonymous().get("/apis/metrics.k8s.io/v1beta1/nodes",
                Map.of("X-Remote-User", "carol", "X-Remote-Group", "system:masters"));
        assertEquals(403, r.statusCode());
        assertTrue(json(r).string("message").contains("\"system:anonymous\""));
        // a token: the token's user counts, not the headers
        int before = api.accessReviews().size();
        r = anonymous().get("/apis/metrics.k8s.io/v1beta1/nodes",
                Map.of("Authorization", "Bearer bob-token", "X-Remote-User", "carol", "X-Remote-Group", "system:masters"));
        assertEquals(403, r.statusCode());
        assertTrue(json(r).string("message").contains("User \"bob\""));
        assertEquals("bob", api.accessReviews().get(before).object("spec").string("user"));
        // a client-CA certificate (not the front proxy's): its CN counts, not the headers
        Http dave = new Http(base, pki.serving, pki.clusterClient("dave", List.of("ops")));
        before = api.accessReviews().size();
        r = dave.get("/apis/metrics.k8s.io/v1beta1/nodes", Map.of("X-Remote-User", "mallory", "X-Remote-Group", "system:masters"));
        assertEquals(200, r.statusCode(), r.body());
        JsonObject spec = api.accessReviews().get(before).object("spec");
        assertEquals("dave", spec.string("user"));
        assertEquals("[ops, system:authenticated]", String.valueOf(spec.get("groups")));
    }

    @Test
    void healthPathsNeedNoAuthorization() throws Exception {
        HttpResponse<String> r = anonymous().get("/readyz?verbose");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("[+]metric-storage-ready ok"), r.body());
        assertTrue(r.body().endsWith("readyz check passed\n"));
        assertEquals(200, anonymous().get("/livez").statusCode());
        assertEquals("ok", anonymous().get("/healthz").body());
    }

    private static Http alice() throws Exception {
        return new Http(base, pki.serving, null) {
            @Override
            public HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
                Map<String, String> h = new java.util.HashMap<>(headers);
                h.put("Authorization", "Bearer alice-token");
                return super.get(path, h);
            }
        };
    }

    @Test
    void hpaLabelSelectorReturnsExactlyTheMatchingRunningPods() throws Exception {
        HttpResponse<String> r = alice().get("/apis/metrics.k8s.io/v1beta1/namespaces/default/pods?labelSelector=app%3Dweb");
        assertEquals(200, r.statusCode(), r.body());
        JsonObject list = json(r);
        assertEquals("PodMetricsList", list.string("kind"));
        // web-5 runs but has no metrics, pending-1 reports metrics but is not Running, web-4 is in another namespace
        assertEquals(List.of("default/web-1", "default/web-2", "default/web-3"), names(list));
        JsonObject web1 = list.objects("items").get(0);
        assertEquals(List.of("nginx", "sidecar"), web1.objects("containers").stream().map(c -> {
            try {
                return c.string("name");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList());
        assertEquals("front", web1.object("metadata").stringMap("labels").get("tier"));
        // set-based and negative selectors
        assertEquals(List.of("default/db-1", "default/web-1", "default/web-2", "default/web-3"),
                names(json(alice().get("/apis/metrics.k8s.io/v1beta1/namespaces/default/pods?labelSelector=app%20in%20(web,db)"))));
        assertEquals(List.of("default/db-1"), names(json(alice().get(
                "/apis/metrics.k8s.io/v1beta1/namespaces/default/pods?labelSelector=app!%3Dweb"))));
        assertEquals(List.of("default/web-1", "default/web-2", "default/web-3", "other/web-4"),
                names(json(alice().get("/apis/metrics.k8s.io/v1beta1/pods?labelSelector=app%3Dweb"))));
        assertEquals(List.of("node-b"), names(json(alice().get("/apis/metrics.k8s.io/v1beta1/nodes?labelSelector=pool%3Dgreen"))));
    }

    @Test
    void fieldSelectorsAndErrors() throws Exception {
        assertEquals(List.of("default/web-2"), names(json(alice().get(
                "/apis/metrics.k8s.io/v1beta1/pods?fieldSelector=metadata.name%3Dweb-2"))));
        assertEquals(List.of("kube-system/dns-1"), names(json(alice().get(
                "/apis/metrics.k8s.io/v1beta1/pods?fieldSelector=metadata.namespace%3Dkube-system"))));
        HttpResponse<String> bad = alice().get("/apis/metrics.k8s.io/v1beta1/pods?fieldSelector=spec.nodeName%3Dnode-a");
        assertEquals(400, bad.statusCode());
        assertEquals("\"spec.nodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\"",
                json(bad).string("message"));
        HttpResponse<String> nf = alice().get("/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/web-5");
        assertEquals(404, nf.statusCode());
        assertEquals("podmetrics.metrics.k8s.io \"default/web-5\" not found", json(nf).string("message"));
        HttpResponse<String> gone = alice().get("/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/pending-1");
        assertEquals(404, gone.statusCode());
        assertEquals("pods \"pending-1\" not found", json(gone).string("message"));
        HttpResponse<String> noNode = alice().get("/apis/metrics.k8s.io/v1beta1/nodes/node-z");
        assertEquals("node \"node-z\" not found", json(noNode).string("message"));
        assertEquals(405, alice().get("/apis/metrics.k8s.io/v1beta1/pods?watch=true").statusCode());
    }

    @Test
    void podDeletedInTheApiDisappearsFromMetrics() throws Exception {
        String path = "/apis/metrics.k8s.io/v1beta1/namespaces/default/pods?labelSelector=tier%3Dfront";
        assertTrue(names(json(alice().get(path))).contains("default/web-2"));
        api.deletePod("default", "web-2");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (names(json(alice().get(path))).contains("default/web-2")) {
            assertTrue(System.nanoTime() < deadline, "watch DELETED event never applied");
            Thread.sleep(50);
        }
        assertEquals(List.of("default/web-1", "default/web-3"), names(json(alice().get(path))));
        api.pod("default", "web-2", Map.of("app", "web", "tier", "front"), "node-a", "Running");
    }

    @Test
    void pushFromTheNodesOwnServiceAccountToken() throws Exception {
        Http agent = anonymous();
        String path = "/push/v1/nodes/node-c";
        long t0 = System.currentTimeMillis();
        Map<String, String> token = Map.of("Authorization", "Bearer agent-c-token", "Content-Type", "text/plain");
        String first = new ResourceText().node(100, 4e9, t0).container("edge", "sensor-1", "probe", 10, 1e6, t0 / 1000.0 - 600, t0).render();
        assertEquals(200, agent.post(path, first, token).statusCode());
        String second = new ResourceText().node(102, 4e9, t0 + 1000).container("edge", "sensor-1", "probe", 10.25, 1e6,
                t0 / 1000.0 - 600, t0 + 1000).render();
        HttpResponse<String> r = agent.post(path, second, token);
        assertEquals(200, r.statusCode(), r.body());
        JsonObject n = json(alice().get("/apis/metrics.k8s.io/v1beta1/nodes/node-c"));
        assertEquals("2", n.object("usage").string("cpu"), "2 core-s over 1 s");
        assertEquals("1s", n.string("window"));
        JsonObject p = json(alice().get("/apis/metrics.k8s.io/v1beta1/namespaces/edge/pods/sensor-1"));
        assertEquals("250m", p.objects("containers").get(0).object("usage").string("cpu"));
        // the same token may not speak for another node, nor may another service account, nor anonymous
        assertEquals(403, agent.post("/push/v1/nodes/node-a", second, token).statusCode());
        assertEquals(403, agent.post(path, second, Map.of("Authorization", "Bearer other-sa-token")).statusCode());
        assertEquals(401, agent.post(path, second, Map.of()).statusCode());
        assertEquals(401, agent.post(path, second, Map.of("Authorization", "Bearer nope")).statusCode());
        // front-proxy headers prove no node either
        Http proxy = new Http(base, pki.serving, pki.frontProxyClient);
        assertEquals(403, proxy.post(path, second, Map.of("X-Remote-User", "system:node:node-c",
                "X-Remote-Group", "system:nodes")).statusCode());
        // Pushed data is served only while pushes keep coming: node-c leaves the list once its points are stale
        // (two resolutions plus the request timeout). Waiting for that here also leaves the shared aggregator as the
        // other tests expect it (only the scraped nodes listed), whichever order they run in.
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (names(json(alice().get("/apis/metrics.k8s.io/v1beta1/nodes"))).contains("node-c")) {
            assertTrue(System.nanoTime() < deadline, "node-c's pushed metrics never went stale");
            Thread.sleep(100);
        }
        assertEquals(404, alice().get("/apis/metrics.k8s.io/v1beta1/nodes/node-c").statusCode());
    }

    @Test
    void tableOutput() throws Exception {
        HttpResponse<String> r = alice().get("/apis/metrics.k8s.io/v1beta1/nodes",
                Map.of("Accept", "application/json;as=Table;v=v1;g=meta.k8s.io,application/json"));
        JsonObject t = json(r);
        assertEquals("Table", t.string("kind"));
        assertEquals("meta.k8s.io/v1", t.string("apiVersion"));
        assertEquals(4, t.objects("columnDefinitions").size());
        assertEquals("PartialObjectMetadata", t.objects("rows").get(0).object("object").string("kind"));
        assertFalse(r.body().contains("\"usage\""));
    }

    @Test
    void discoveryAndOpenApi() throws Exception {
        assertEquals("{\"kind\":\"APIResourceList\",\"apiVersion\":\"v1\",\"groupVersion\":\"metrics.k8s.io/v1beta1\","
                + "\"resources\":[{\"name\":\"nodes\",\"singularName\":\"\",\"namespaced\":false,\"kind\":\"NodeMetrics\","
                + "\"verbs\":[\"get\",\"list\"]},{\"name\":\"pods\",\"singularName\":\"\",\"namespaced\":true,"
                + "\"kind\":\"PodMetrics\",\"verbs\":[\"get\",\"list\"]}]}",
                alice().get("/apis/metrics.k8s.io/v1beta1").body());
        HttpResponse<String> o = alice().get("/openapi/v2");
        assertEquals(200, o.statusCode());
        JsonObject doc = json(o);
        assertEquals("2.0", doc.string("swagger"));
        assertTrue(doc.object("definitions").has("io.k8s.metrics.pkg.apis.metrics.v1beta1.PodMetrics"));
        String etag = o.headers().firstValue("Etag").orElseThrow();
        assertEquals(304, alice().get("/openapi/v2", Map.of("If-None-Match", etag)).statusCode());
        HttpResponse<String> m = alice().get("/metrics");
        assertTrue(m.body().contains("metrics_server_kubelet_request_total{success=\"true\"}"), m.body());
        assertTrue(m.body().matches("(?s).*metrics_server_storage_points\\{type=\"node\"} [23]\\.0\n.*"), m.body());
    }
}
