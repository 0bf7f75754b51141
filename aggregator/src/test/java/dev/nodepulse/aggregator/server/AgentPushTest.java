package dev.nodepulse.aggregator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.agent.push.ResourcePusher;
import dev.nodepulse.aggregator.Aggregator;
import dev.nodepulse.aggregator.AggregatorFlags;
import dev.nodepulse.aggregator.testing.Http;
import dev.nodepulse.aggregator.testing.Pki;
import dev.nodepulse.json.JsonObject;
import dev.nodepulse.json.JsonReader;
import dev.nodepulse.kubelet.resource.ContainerResources;
import dev.nodepulse.kubelet.resource.Measurement;
import dev.nodepulse.kubelet.resource.NodeResources;
import dev.nodepulse.kubelet.resource.PodResources;
import dev.nodepulse.kubelet.resource.ResourceMetrics;
import dev.nodepulse.kubelet.tls.PemFiles;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's push client against the aggregator: the kubelet-proxy renderer's /metrics/resource text, gzip, a
 * node client certificate, stored and served as a scrape would be.
 */
class AgentPushTest {

    @TempDir
    Path dir;

    @Test
    void agentPushesAndTheAggregatorServes() throws Exception {
        Pki pki = new Pki(dir);
        String[] args = {"--static-node=edge-9=http://127.0.0.1:1", "--authorization-mode=AlwaysAllow",
                "--bind-address=127.0.0.1", "--secure-port=0", "--client-ca-file=" + pki.file("client-ca.crt"),
                "--tls-cert-file=" + pki.file("serving.crt"), "--tls-private-key-file=" + pki.file("serving.key"),
                "--metric-resolution=5s", "--kubelet-request-timeout=1s", "--log.level=error"};
        AtomicInteger round = new AtomicInteger();
        Instant t0 = Instant.now();
        try (Aggregator a = Aggregator.start(AggregatorFlags.define().parse(args))) {
            PemFiles.KeyPair nodeCert = pki.clusterClient("system:node:edge-9", List.of("system:nodes"));
            try (ResourcePusher pusher = new ResourcePusher(URI.create("https://127.0.0.1:" + a.port()), "edge-9", () -> {
                int i = round.getAndIncrement();
                Instant t = t0.plusSeconds(i);
                return new ResourceMetrics(new NodeResources(new Measurement(100 + 0.75 * i, t), new Measurement(3 << 20, t), null),
                        List.of(new PodResources("edge", "cam-0", null, null, null, List.of(new ContainerResources("grab",
                                t0.minusSeconds(3600), new Measurement(7 + 0.05 * i, t), new Measurement(5 << 20, t), null, null)))),
                        false);
            }, null, ssl(pki, nodeCert), Duration.ofMillis(300))) {
                Http reader = new Http("https://127.0.0.1:" + a.port(), pki.serving, null);
                long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                JsonObject list;
                do {
                    Thread.sleep(100);
                    list = JsonReader.parseObject(reader.get("/apis/metrics.k8s.io/v1beta1/nodes").body());
                    assertTrue(System.nanoTime() < deadline, "pushed node never served");
                } while (list.objects("items").isEmpty());
                assertEquals(200, pusher.lastStatus());
                JsonObject n = list.objects("items").get(0);
                assertEquals("edge-9", n.object("metadata").string("name"));
                assertEquals("750m", n.object("usage").string("cpu"));
                assertEquals("3Mi", n.object("usage").string("memory"));
                JsonObject pods = JsonReader.parseObject(reader.get("/apis/metrics.k8s.io/v1beta1/pods").body());
                assertEquals("50m", pods.objects("items").get(0).objects("containers").get(0).object("usage").string("cpu"));
            }
        }
    }

    private static SSLContext ssl(Pki pki, PemFiles.KeyPair client) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("aggregator", pki.serving.chain().get(0));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(trust);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("node", client.key(), new char[0], client.chain().toArray(new X509Certificate[0]));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
        kmf.init(ks, new char[0]);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }
}
