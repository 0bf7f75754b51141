package dev.nodepulse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nodepulse.json.JsonObject;
import dev.nodepulse.testing.FakeKubeApiServer;
import io.kubernetes.client.openapi.models.V1Container;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kube-auth overlays run here against a stand-in API server: the probes (which carry no credentials) still
 * answer, scrapes without a token get 401, Prometheus' token with `get nodes/metrics` gets every ServiceMonitor
 * path, and the SubjectAccessReview names the node from NODE_NAME (the downward API in the DaemonSet). In the
 * cluster the pod's service account reaches the API server; here --kubeconfig points the agent at the fake.
 */
class KubeAuthLiveIT {

    static final String NODE = "node-under-test";
    static final String PROMETHEUS_TOKEN = "prometheus-token";

    static List<Kustomizations.Target> withKubeAuth() {
        return Kustomizations.all().stream().filter(t -> PodSpecs.hasBoolFlag(PodSpecs.expandedArgs(
                PodSpecs.container(AgentManifestIT.podSpec(t.manifest()), AgentManifestIT.CONTAINER)), "web.kube-auth")).toList();
    }

    /** kube-prometheus' prometheus-k8s ClusterRole: get nodes/metrics, nothing else on nodes. */
    static boolean allowsNodeMetrics(JsonObject attrs) {
        try {
            return attrs != null && "nodes".equals(attrs.string("resource")) && "metrics".equals(attrs.string("subresource"))
                    && "get".equals(attrs.string("verb"));
        } catch (dev.nodepulse.json.JsonException e) {
            return false;
        }
    }

    static long unpacked(Path tmp) throws java.io.IOException {
        try (var s = Files.list(tmp)) {
            return s.filter(p -> p.getFileName().toString().startsWith("nodepulse-kube-lib-")).count();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withKubeAuth")
    void probesOpenScrapesAuthorizedPerNode(Kustomizations.Target target) throws Exception {
        Manifest m = target.manifest();
        V1Container c = PodSpecs.container(AgentManifestIT.podSpec(m), AgentManifestIT.CONTAINER);
        DockerfileModel dockerfile = DockerfileModel.read(Repo.root().resolve("Dockerfile"));
        Optional<Path> jdk = Launcher.localJdk(dockerfile.jdkRelease());
        assumeTrue(jdk.isPresent(), "no JDK " + dockerfile.jdkRelease() + " here to run the image's launcher with");
        Path dir = Files.createTempDirectory("nodepulse-kube-auth");
        try (FakeKubeApiServer api = new FakeKubeApiServer()) {
            api.user(PROMETHEUS_TOKEN, new FakeKubeApiServer.User("system:serviceaccount:monitoring:prometheus-k8s", "p1",
                    List.of("system:serviceaccounts", "system:authenticated")));
            api.policy((spec, attrs) -> allowsNodeMetrics(attrs));
            List<String> args = new ArrayList<>(AgentLiveIT.hostArgs(m));
            args.add("--kubeconfig=" + api.writeKubeconfig(dir));
            // The pod's java.io.tmpdir emptyDir, where the agent unpacks the Kubernetes client, is a directory here.
            Path javaTmp = Files.createDirectories(dir.resolve("java-tmp"));
            Map<String, String> env = new java.util.HashMap<>(PodSpecs.env(c, Map.of("spec.nodeName", NODE)));
            env.computeIfPresent("JAVA_OPTS", (k, v) -> v.replace("-Djava.io.tmpdir=" + AgentManifestIT.javaTmpdir(c),
                    "-Djava.io.tmpdir=" + javaTmp));
            try (RunningAgent agent = RunningAgent.start(Launcher.of(dockerfile, ImagePaths.AGENT_LAUNCHER, jdk.get()),
                    args, dir, env)) {
                assertEquals(1, unpacked(javaTmp), "the Kubernetes client unpacked into java.io.tmpdir");
                assertEquals(200, agent.get(c.getReadinessProbe().getHttpGet().getPath()).status(), "readiness probe without credentials");
                assertEquals(200, agent.get(c.getLivenessProbe().getHttpGet().getPath()).status(), "liveness probe without credentials");
                List<String> paths = new ArrayList<>(List.of("/metrics"));
                for (Map<String, Object> sm : m.maps("ServiceMonitor")) {
                    for (Object o : (List<?>) PrometheusOperatorIT.map(sm, "spec").get("endpoints")) {
                        Object p = ((Map<?, ?>) o).get("path");
                        paths.add(p == null ? "/metrics" : (String) p);
                    }
                }
                boolean nodeMetricsProtected = PodSpecs.hasBoolFlag(PodSpecs.expandedArgs(c), "web.kube-auth.protect-node-metrics");
                for (String path : paths.stream().distinct().toList()) {
                    if (path.equals("/metrics") && !nodeMetricsProtected) {
                        assertEquals(200, agent.get(path).status(), "/metrics is open without --web.kube-auth.protect-node-metrics");
                        continue;
                    }
                    assertEquals(401, agent.get(path).status(), path + " without a token");
                    assertEquals(401, agent.get(path, Map.of("Authorization", "Bearer not-a-token")).status(), path + " with an unknown token");
                    RunningAgent.Response ok = agent.get(path, Map.of("Authorization", "Bearer " + PROMETHEUS_TOKEN));
                    assertEquals(200, ok.status(), path + " with Prometheus' token");
                    assertTrue(ok.body().contains("# TYPE "), path + " serves metrics");
                }
                for (int i = 0; i < 30; i++) {
                    agent.get("/metrics", Map.of("Authorization", "Bearer " + PROMETHEUS_TOKEN));
                }
                long rss = agent.rssBytes();
                long limit = c.getResources().getLimits().get("memory").getNumber().longValue();
                System.out.printf("[live] %s: RSS with kube auth after 30 scrapes %d MiB (anonymous %d MiB); memory limit %d MiB%n",
                        target.name(), rss >> 20, agent.rssAnonBytes() >> 20, limit >> 20);
                assertTrue(rss < limit, "RSS " + (rss >> 20) + " MiB inside the limit");
                AgentLiveIT.assertMetaspaceHeadroom(agent, jdk.get(), c);
                assertFalse(api.accessReviews().isEmpty(), "the agent asked the API server");
                for (JsonObject review : api.accessReviews()) {
                    JsonObject attrs = review.object("spec").object("resourceAttributes");
                    assertEquals(NODE, attrs.string("name"), "SubjectAccessReview for this node (NODE_NAME from the downward API)");
                    assertEquals("system:serviceaccount:monitoring:prometheus-k8s", review.object("spec").string("user"));
                }
            }
            assertEquals(0, unpacked(javaTmp), "the unpacked client is deleted when the agent stops");
        } finally {
            DockerfileIT.deleteTree(dir);
        }
    }
}
