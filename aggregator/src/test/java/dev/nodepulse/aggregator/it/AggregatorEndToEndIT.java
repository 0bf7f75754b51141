package dev.nodepulse.aggregator.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nodepulse.aggregator.testing.FakeAgent;
import dev.nodepulse.aggregator.testing.Pki;
import dev.nodepulse.aggregator.testing.ResourceText;
import dev.nodepulse.kubelet.tls.PemFiles;
import io.kubernetes.client.Metrics;
import io.kubernetes.client.custom.ContainerMetrics;
import io.kubernetes.client.custom.NodeMetrics;
import io.kubernetes.client.custom.NodeMetricsList;
import io.kubernetes.client.custom.PodMetrics;
import io.kubernetes.client.custom.PodMetricsList;
import io.kubernetes.client.openapi.ApiClient;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.KeyManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * issue 6, Must show 1: two agents (different node names and ports) and the aggregator jar with --static-node, read
 * through the Kubernetes Java client ({@link Metrics}) as kube-apiserver's front proxy would: a front-proxy client
 * certificate generated here plus X-Remote-User/Group headers. Both nodes present, CPU and memory plausible
 * against /proc.
 */
class AggregatorEndToEndIT {

    private static final long START = System.currentTimeMillis();

    @TempDir
    Path dir;

    /** An agent's body from this host's /proc: the node, and this test JVM as pod "e2e/runner", container "jvm". */
    static Supplier<String> hostBody() {
        return () -> {
            try {
                long now = System.currentTimeMillis();
                return new ResourceText().node(HostProc.nodeCpuSeconds(), HostProc.nodeMemoryBytes(), now)
                        .container("e2e", "runner", "jvm", HostProc.selfCpuSeconds(), HostProc.selfRssBytes(),
                                START / 1000.0 - 60, now)
                        .render();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    @Test
    void twoFakeAgentsThroughTheKubernetesJavaClient() throws Exception {
        try (FakeAgent a = new FakeAgent(hostBody(), null); FakeAgent b = new FakeAgent(hostBody(), null)) {
            run(List.of("--static-node=node-a=" + a.url("http"), "--static-node=node-b=" + b.url("http")), List.of("node-a", "node-b"));
        }
    }

    @Test
    void twoRealAgents() throws Exception {
        Path agentJar = JarProcess.moduleDir().resolveSibling("agent").resolve("target/nodepulse-agent.jar");
        assumeTrue(Files.isRegularFile(agentJar), "agent jar not built");
        int pa = JarProcess.freePort();
        int pb = JarProcess.freePort();
        try (JarProcess a = new JarProcess(agentJar, List.of("--web.listen-address=127.0.0.1:" + pa, "--node-name=real-a"),
                dir.resolve("agent-a.log"));
                JarProcess b = new JarProcess(agentJar, List.of("--web.listen-address=127.0.0.1:" + pb, "--node-name=real-b"),
                        dir.resolve("agent-b.log"))) {
            assertTrue(a.process.isAlive() && b.process.isAlive(), a.logText() + b.logText());
            int status = waitForStatus("http://127.0.0.1:" + pa + "/metrics/resource");
            assumeTrue(status == 200, "ASSUMPTION: the agent does not serve /metrics/resource yet (HTTP " + status
                    + "); it lands with h/kubelet phase 2. This test runs the real agents once it does.");
            waitForStatus("http://127.0.0.1:" + pb + "/metrics/resource");
            run(List.of("--static-node=real-a=http://127.0.0.1:" + pa, "--static-node=real-b=http://127.0.0.1:" + pb),
                    List.of("real-a", "real-b"));
        }
    }

    private static int waitForStatus(String url) throws Exception {
        HttpClient c = HttpClient.newBuilder().proxy(java.net.ProxySelector.of(null)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                return c.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (java.io.IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    private void run(List<String> staticNodes, List<String> nodeNames) throws Exception {
        Pki pki = new Pki(dir);
        int port = JarProcess.freePort();
        List<String> args = new ArrayList<>(List.of("--secure-port=" + port, "--bind-address=127.0.0.1",
                "--tls-cert-file=" + pki.file("serving.crt"), "--tls-private-key-file=" + pki.file("serving.key"),
                "--requestheader-client-ca-file=" + pki.file("front-proxy-ca.crt"),
                "--requestheader-allowed-names=front-proxy-client", "--authorization-mode=AlwaysAllow",
                "--anonymous-auth=false", "--metric-resolution=2s", "--kubelet-request-timeout=1s"));
        args.addAll(staticNodes);
        Path jar = JarProcess.moduleDir().resolve("target/nodepulse-aggregator.jar");
        try (JarProcess aggregator = new JarProcess(jar, args, dir.resolve("aggregator.log"))) {
            ApiClient client = frontProxyClient("https://127.0.0.1:" + port, pki);
            Metrics metrics = new Metrics(client);
            NodeMetricsList nodes = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
            double cpuBefore = HostProc.nodeCpuSeconds();
            long tBefore = System.nanoTime();
            while (System.nanoTime() < deadline) {
                try {
                    nodes = metrics.getNodeMetrics();
                    if (nodes.getItems().size() == nodeNames.size()) {
                        break;
                    }
                } catch (io.kubernetes.client.openapi.ApiException | RuntimeException e) {
                    // not up yet
                }
                Thread.sleep(250);
            }
            double hostCores = (HostProc.nodeCpuSeconds() - cpuBefore) / ((System.nanoTime() - tBefore) / 1e9);
            assertNotNull(nodes, aggregator.logText());
            assertEquals(nodeNames, nodes.getItems().stream().map(n -> n.getMetadata().getName()).toList(), aggregator.logText());
            int cores = Runtime.getRuntime().availableProcessors();
            for (NodeMetrics n : nodes.getItems()) {
                double cpu = n.getUsage().get("cpu").getNumber().doubleValue();
                double mem = n.getUsage().get("memory").getNumber().doubleValue();
                assertTrue(cpu > 0 && cpu <= cores * 1.05, "node CPU " + cpu + " cores out of 0.." + cores);
                // the window is a couple of seconds; /proc/stat over the wait is the yardstick
                assertTrue(Math.abs(cpu - hostCores) <= Math.max(0.5, hostCores), "node CPU " + cpu + " vs /proc/stat " + hostCores);
                double used = HostProc.nodeMemoryBytes();
                assertTrue(mem > 0 && mem <= HostProc.memTotalBytes(), "node memory " + mem);
                assertTrue(Math.abs(mem - used) < 0.25 * used + 256e6, "node memory " + mem + " vs /proc/meminfo in use " + used);
                assertTrue(n.getWindow().endsWith("s"), n.getWindow());
            }
            if (nodeNames.get(0).startsWith("node-")) {
                PodMetricsList pods = metrics.getPodMetrics("e2e");
                assertEquals(1, pods.getItems().size(), "one pod reported by both fake agents is kept once");
                PodMetrics p = pods.getItems().get(0);
                ContainerMetrics c = p.getContainers().get(0);
                assertEquals("jvm", c.getName());
                double cpu = c.getUsage().get("cpu").getNumber().doubleValue();
                double mem = c.getUsage().get("memory").getNumber().doubleValue();
                assertTrue(cpu >= 0 && cpu <= cores * 1.05, "container CPU " + cpu);
                double rss = HostProc.selfRssBytes();
                assertTrue(mem > 0.3 * rss && mem < 3 * rss, "container memory " + mem + " vs RSS " + rss);
            } else {
                PodMetricsList pods = metrics.getPodMetrics("kube-system");
                assertNotNull(pods.getItems());
            }
        }
    }

    /** A client as kube-apiserver's proxy: front-proxy client certificate and the user in headers. */
    private static ApiClient frontProxyClient(String base, Pki pki) throws Exception {
        ApiClient client = new ApiClient().setBasePath(base);
        PemFiles.KeyPair cert = pki.frontProxyClient;
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("front-proxy", cert.key(), "x".toCharArray(), cert.chain().toArray(new X509Certificate[0]));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
        kmf.init(ks, "x".toCharArray());
        client.setKeyManagers(kmf.getKeyManagers());
        // after the key managers: setting them re-applies the SSL settings, which reads the CA stream again
        client.setSslCaCert(new ByteArrayInputStream(pki.pem(pki.serving).getBytes(StandardCharsets.US_ASCII)));
        client.addDefaultHeader("X-Remote-User", "system:admin");
        client.addDefaultHeader("X-Remote-Group", "system:masters");
        client.setReadTimeout(10_000);
        return client;
    }
}
