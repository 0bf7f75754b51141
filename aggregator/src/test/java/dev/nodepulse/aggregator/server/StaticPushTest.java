package dev.nodepulse.aggregator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.aggregator.Aggregator;
import dev.nodepulse.aggregator.AggregatorFlags;
import dev.nodepulse.aggregator.testing.Http;
import dev.nodepulse.aggregator.testing.Pki;
import dev.nodepulse.aggregator.testing.ResourceText;
import dev.nodepulse.json.JsonReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Push without an API server: an edge agent proves its node with a kubelet-style client certificate
 * (CN system:node:NAME, O system:nodes) from --client-ca-file and may push only that node's metrics.
 */
class StaticPushTest {

    @TempDir
    Path dir;

    @Test
    void nodeCertificatePushesItsOwnNodeOnly() throws Exception {
        Pki pki = new Pki(dir);
        String[] args = {"--static-node=edge-1=http://127.0.0.1:1", "--authorization-mode=AlwaysAllow",
                "--bind-address=127.0.0.1", "--secure-port=0", "--client-ca-file=" + pki.file("client-ca.crt"),
                "--tls-cert-file=" + pki.file("serving.crt"), "--tls-private-key-file=" + pki.file("serving.key"),
                "--metric-resolution=5s", "--kubelet-request-timeout=1s", "--log.level=error", "--anonymous-auth=false"};
        try (Aggregator a = Aggregator.start(AggregatorFlags.define().parse(args))) {
            String base = "https://127.0.0.1:" + a.port();
            Http node = new Http(base, pki.serving, pki.clusterClient("system:node:edge-1", List.of("system:nodes")));
            Http notANode = new Http(base, pki.serving, pki.clusterClient("alice", List.of("devs")));
            long t0 = System.currentTimeMillis();
            for (int i = 0; i < 2; i++) {
                String body = new ResourceText().node(50 + i * 3, 1 << 30, t0 + i * 2000)
                        .container("iot", "reader-0", "main", 5 + i * 0.2, 1 << 20, t0 / 1000.0 - 3600, t0 + i * 2000).render();
                HttpResponse<String> r = node.post("/push/v1/nodes/edge-1", body, Map.of());
                assertEquals(200, r.statusCode(), r.body());
                assertEquals(403, node.post("/push/v1/nodes/edge-2", body, Map.of()).statusCode());
                assertEquals(403, notANode.post("/push/v1/nodes/edge-1", body, Map.of()).statusCode());
            }
            var nodes = JsonReader.parseObject(notANode.get("/apis/metrics.k8s.io/v1beta1/nodes").body());
            var item = nodes.objects("items").get(0);
            assertEquals("1500m", item.object("usage").string("cpu"), "3 core-s over 2 s");
            assertEquals("1Gi", item.object("usage").string("memory"));
            var pods = JsonReader.parseObject(notANode.get("/apis/metrics.k8s.io/v1beta1/namespaces/iot/pods").body());
            assertEquals("100m", pods.objects("items").get(0).objects("containers").get(0).object("usage").string("cpu"));
            assertTrue(notANode.get("/metrics").body().contains("nodepulse_aggregator_push_total{result=\"accepted\"} 2.0"));
            // --anonymous-auth=false: no credentials is 401, except on the probes' paths
            Http nobody = new Http(base, pki.serving, null);
            assertEquals(401, nobody.get("/apis/metrics.k8s.io/v1beta1/nodes").statusCode());
            assertEquals("ok", nobody.get("/livez").body());
        }
    }
}
