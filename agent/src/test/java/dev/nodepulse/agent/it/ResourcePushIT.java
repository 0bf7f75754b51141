package dev.nodepulse.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.nodepulse.agent.cadvisor.CadvisorFixtureTest;
import dev.nodepulse.agent.cadvisor.ExpositionText;
import dev.nodepulse.agent.stats.ExpectedDocuments;
import dev.nodepulse.agent.stats.StatsFixtures;
import dev.nodepulse.kubelet.tls.PemFiles;
import dev.nodepulse.testing.TestPki;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --push.url with the agent's own resource metrics as the source: a push receiver in the test (127.0.0.1) gets the
 * gzip-compressed /metrics/resource body of a fixture tree, equal series for series to the tree's expected document.
 */
class ResourcePushIT {

    @TempDir
    Path tmp;

    @AfterEach
    void removeFdLinks() throws IOException {
        try (var paths = Files.walk(tmp)) {
            for (Path p : paths.filter(Files::isSymbolicLink).toList()) {
                Files.delete(p);
            }
        }
    }

    private record Push(String path, String contentEncoding, byte[] body) {}

    @Test
    void pushesTheResourceMetricsOfThisNode() throws Exception {
        Path root = CadvisorFixtureTest.materialize("v2-systemd-containerd", tmp);
        PemFiles.KeyPair ca = TestPki.ca("push-ca");
        PemFiles.KeyPair client = TestPki.issue(ca, "system:node:" + StatsFixtures.NODE_NAME, List.of("system:nodes"),
                KeyPurposeId.id_kp_clientAuth, List.of());
        Path cert = tmp.resolve("client.crt");
        Path key = tmp.resolve("client.key");
        Files.writeString(cert, pem("CERTIFICATE", client.chain().get(0).getEncoded()));
        Files.writeString(key, pem("PRIVATE KEY", client.key().getEncoded()));

        BlockingQueue<Push> pushes = new ArrayBlockingQueue<>(16);
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        receiver.createContext("/", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            pushes.offer(new Push(ex.getRequestURI().getPath(), ex.getRequestHeaders().getFirst("Content-Encoding"),
                    body));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        receiver.start();
        try (AgentProcess agent = AgentProcess.start(List.of("--path.cgroupfs=" + root.resolve("cgroupfs"),
                "--path.procfs=" + root.resolve("proc"), "--path.sysfs=" + root.resolve("sys"),
                "--path.rootfs=" + root.resolve("rootfs"), "--node-name=" + StatsFixtures.NODE_NAME,
                "--housekeeping-interval=1h", "--collector.disable-defaults",
                "--push.url=http://127.0.0.1:" + receiver.getAddress().getPort(), "--push.interval=1s",
                "--push.client-cert-file=" + cert, "--push.client-key-file=" + key))) {
            Push p = pushes.poll(20, TimeUnit.SECONDS);
            assertNotNull(p, "no push arrived:\n" + agent.output());
            assertEquals("/push/v1/nodes/" + StatsFixtures.NODE_NAME, p.path());
            assertEquals("gzip", p.contentEncoding());
            String text;
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(p.body()))) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Set<Long> stamps = new TreeSet<>();
            assertEquals(List.of(), ExpectedDocuments.compareResource(
                    ExpositionText.parse(Files.readString(root.resolve("expected-resource.prom"))),
                    ExpositionText.parse(text), stamps), text);
            assertEquals(1, stamps.size());
            assertTrue(pushes.poll(5, TimeUnit.SECONDS) != null, "pushes repeat every --push.interval");
        } finally {
            receiver.stop(0);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
