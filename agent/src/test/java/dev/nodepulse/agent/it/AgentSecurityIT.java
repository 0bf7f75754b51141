package dev.nodepulse.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.kubelet.tls.SelfSignedCertificate;
import dev.nodepulse.testing.FakeKubeApiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar with its serving security flags: the Kubernetes client stays unloaded unless kube auth is on,
 * node_exporter's web config basic auth, and kube auth end to end against a fake API server.
 */
class AgentSecurityIT {

    /** bcrypt("fakepassword"), exporter-toolkit's test hash. */
    private static final String FAKEPASSWORD = "$2y$10$QOauhQNbBCuQDKes6eFzPeMqBSjb7Mr5DUmpZ/VcEd00UAV/LDeSi";
    private static final Pattern CLIENT_LIBRARIES = Pattern.compile(
            "^.*\\b(io\\.kubernetes\\.|okhttp3\\.|kotlin\\.|com\\.google\\.gson\\.)\\S*.*$", Pattern.MULTILINE);

    @TempDir
    Path dir;

    @Test
    void defaultConfigurationLoadsNoKubernetesClientClass() throws Exception {
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        try (AgentProcess agent = AgentProcess.start(List.of(), List.of("-Xlog:class+load=info",
                "-Djava.io.tmpdir=" + tmp), Map.of())) {
            assertEquals(200, agent.get("/metrics").status());
            assertEquals(200, agent.get("/").status());
            // The kubelet endpoints answer from this host's cgroups (500 "Internal Error" where it has none).
            int summary = agent.get("/stats/summary").status();
            assertTrue(summary == 200 || summary == 500, "status " + summary);
            assertEquals(200, agent.get("/metrics/resource").status());
            String classes = agent.output();
            assertTrue(classes.contains("dev.nodepulse.agent.Agent "), "class loading is logged");
            Matcher m = CLIENT_LIBRARIES.matcher(classes);
            assertFalse(m.find(), () -> "loaded without kube auth: " + m.group());
            assertEquals(List.of(), kubeLibDirs(tmp), "the nested Kubernetes client stays packed");
        }
    }

    @Test
    void theJarCarriesTheKubernetesClientNestedNotAmongItsEntries() throws Exception {
        try (JarFile jar = new JarFile(AgentProcess.jar().toFile())) {
            List<String> names = jar.stream().map(JarEntry::getName).toList();
            List<String> client = names.stream().filter(n -> n.matches(
                    "(io/kubernetes|okhttp3|okio|kotlin|com/google/gson|com/fasterxml|org/bouncycastle|org/apache/commons"
                            + "|org/jose4j|org/slf4j|dev/nodepulse/kubelet/auth/kube)/.*")).toList();
            assertEquals(List.of(), client, "Kubernetes client classes among the agent jar's own entries");
            assertTrue(names.contains("META-INF/kube-lib/nodepulse-kube-lib.jar"), "nested client jar");
            assertTrue(names.size() < 4000, "the agent jar's entries: " + names.size());
            String index = new String(jar.getInputStream(jar.getEntry("META-INF/kube-lib/INDEX")).readAllBytes(),
                    java.nio.charset.StandardCharsets.US_ASCII);
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            try (var in = jar.getInputStream(jar.getEntry("META-INF/kube-lib/nodepulse-kube-lib.jar"))) {
                sha.update(in.readAllBytes());
            }
            assertEquals(java.util.HexFormat.of().formatHex(sha.digest()) + "  nodepulse-kube-lib.jar\n", index);
        }
    }

    @Test
    void webConfigBasicAuthAndStillNoKubernetesClient() throws Exception {
        Path web = dir.resolve("web.yml");
        Files.writeString(web, "basic_auth_users:\n  prometheus: " + FAKEPASSWORD + "\n");
        try (AgentProcess agent = AgentProcess.start(List.of("--web.config.file=" + web), List.of("-Xlog:class+load=info"),
                Map.of())) {
            assertEquals(200, agent.get("/healthz").status(), "probes carry no credentials");
            AgentProcess.Response denied = agent.get("/metrics");
            assertEquals(401, denied.status());
            String auth = "Basic " + Base64.getEncoder().encodeToString("prometheus:fakepassword".getBytes());
            AgentProcess.Response ok = agent.get("/metrics", Map.of("Authorization", auth));
            assertEquals(200, ok.status());
            assertTrue(ok.body().contains("node_load1 "));
            Matcher m = CLIENT_LIBRARIES.matcher(agent.output());
            assertFalse(m.find(), () -> "loaded without kube auth: " + m.group());
        }
    }

    @Test
    void invalidWebConfigStopsTheStart() throws Exception {
        Path web = dir.resolve("web.yml");
        Files.writeString(web, "basic_auth_users:\n  prometheus: plaintext\n");
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> AgentProcess.start(List.of("--web.config.file=" + web)));
        assertTrue(e.getMessage().contains("exited with 1") && e.getMessage().contains("not a bcrypt hash"), e.getMessage());
    }

    @Test
    void kubeAuthWithoutAnyApiServerCredentialsStopsTheStart() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("KUBERNETES_SERVICE_HOST") == null, "running in a pod");
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> AgentProcess.start(List.of("--web.kube-auth")));
        assertTrue(e.getMessage().contains("exited with 1") && e.getMessage().contains("not running in a pod"), e.getMessage());
    }

    @Test
    void kubeAuthEndToEndWithAGeneratedCertificate() throws Exception {
        try (FakeKubeApiServer api = new FakeKubeApiServer()) {
            api.user("allowed", new FakeKubeApiServer.User("system:serviceaccount:kube-system:metrics-server", "u1",
                            List.of("system:serviceaccounts")))
                    .user("denied", new FakeKubeApiServer.User("system:serviceaccount:default:nosy", "u2", List.of()))
                    .policy((spec, attrs) -> {
                        try {
                            return spec.string("user").endsWith(":metrics-server") && "it-node".equals(attrs.string("name"))
                                    && "nodes".equals(attrs.string("resource"));
                        } catch (Exception e) {
                            return false;
                        }
                    });
            Path kubeconfig = api.writeKubeconfig(dir);
            Path tmp = Files.createDirectory(dir.resolve("tmp"));
            List<String> flags = List.of("--web.kube-auth", "--kubeconfig=" + kubeconfig, "--node-name=it-node",
                    "--web.kube-auth.protect-node-metrics");
            List<String> jvm = List.of("-Xlog:class+load=info", "-Djava.io.tmpdir=" + tmp);

            // A killed agent leaves its unpacked client behind (as in an emptyDir across container restarts) ...
            Path leftover;
            try (AgentProcess killed = AgentProcess.start(flags, jvm, Map.of(), true)) {
                assertEquals(401, killed.get("/metrics").status());
                leftover = kubeLibDirs(tmp).get(0);
                killed.kill();
            }
            assertEquals(List.of(leftover), kubeLibDirs(tmp));

            try (AgentProcess agent = AgentProcess.start(flags, jvm, Map.of(), true)) {
                // ... which the next start deletes (its lock is free) before unpacking its own copy.
                List<Path> dirs = kubeLibDirs(tmp);
                assertEquals(1, dirs.size(), dirs::toString);
                assertFalse(dirs.contains(leftover), "stale directory of the killed agent kept");
                Path unpacked = dirs.get(0);
                assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(unpacked)));
                Path nested = unpacked.resolve("nodepulse-kube-lib.jar");
                assertEquals("r--------", PosixFilePermissions.toString(Files.getPosixFilePermissions(nested)));
                String output = agent.output();
                assertTrue(output.contains("msg=\"Unpacked the Kubernetes client\"") && output.contains("stale_dirs_deleted=1"),
                        output);
                // The client's classes come from the unpacked copy through the child loader.
                String source = "source: " + nested.toUri().toString().replaceFirst("^file:///", "file:/");
                assertTrue(output.contains("dev.nodepulse.kubelet.auth.kube.ClientJavaReviews " + source),
                        () -> "ClientJavaReviews not loaded from " + source);
                assertTrue(output.contains("io.kubernetes.client.openapi.ApiClient " + source),
                        () -> "ApiClient not loaded from " + source);

                String fp = SelfSignedCertificate.fingerprint(agent.servingCertificate());
                assertTrue(agent.output().contains("sha256_fingerprint=" + fp), agent.output());

                assertEquals(200, agent.get("/healthz").status(), "health stays open");
                assertEquals(401, agent.get("/metrics").status());
                assertEquals(401, agent.get("/metrics", Map.of("Authorization", "Bearer unknown")).status());
                AgentProcess.Response forbidden = agent.get("/metrics", Map.of("Authorization", "Bearer denied"));
                assertEquals(403, forbidden.status());
                assertEquals("Forbidden (user=system:serviceaccount:default:nosy, verb=get, resource=nodes, "
                        + "subresource=metrics)", forbidden.body());
                AgentProcess.Response ok = agent.get("/metrics", Map.of("Authorization", "Bearer allowed"));
                assertEquals(200, ok.status());
                assertTrue(ok.body().contains("node_load1 "));
                assertEquals("metrics", api.accessReviews().get(api.accessReviews().size() - 1).object("spec")
                        .object("resourceAttributes").string("subresource"));
                assertTrue(agent.output().contains("Kubernetes auth enabled"));

                // The kubelet's paths, authorized as the kubelet maps them: /stats/* as nodes/stats,
                // /metrics/resource as nodes/metrics.
                assertEquals(401, agent.get("/stats/summary").status());
                assertEquals(401, agent.get("/metrics/resource").status());
                AgentProcess.Response noStats = agent.get("/stats/summary", Map.of("Authorization", "Bearer denied"));
                assertEquals(403, noStats.status());
                assertEquals("Forbidden (user=system:serviceaccount:default:nosy, verb=get, resource=nodes, "
                        + "subresource=stats)", noStats.body());
                AgentProcess.Response summary = agent.get("/stats/summary?only_cpu_and_memory=true",
                        Map.of("Authorization", "Bearer allowed"));
                assertTrue(summary.status() == 200 || summary.status() == 500, "status " + summary.status());
                assertEquals("stats", api.accessReviews().get(api.accessReviews().size() - 1).object("spec")
                        .object("resourceAttributes").string("subresource"));
                AgentProcess.Response resource = agent.get("/metrics/resource", Map.of("Authorization", "Bearer allowed"));
                assertEquals(200, resource.status());
                assertTrue(resource.body().contains("resource_scrape_error "), resource.body());
            }
            assertEquals(List.of(), kubeLibDirs(tmp), "the unpacked client is deleted when the agent exits");
        }
    }

    private static List<Path> kubeLibDirs(Path tmp) throws java.io.IOException {
        try (var s = Files.list(tmp)) {
            return s.filter(p -> p.getFileName().toString().startsWith("nodepulse-kube-lib-")).sorted().toList();
        }
    }
}
