package dev.nodepulse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nodepulse.json.JsonObject;
import dev.nodepulse.kubelet.tls.PemFiles;
import dev.nodepulse.testing.FakeKubeApiServer;
import dev.nodepulse.testing.TestPki;
import io.kubernetes.client.Metrics;
import io.kubernetes.client.custom.NodeMetrics;
import io.kubernetes.client.custom.NodeMetricsList;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1PodSpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Push mode as the push renders run it, on 127.0.0.1: the aggregator (image launcher, the Deployment's args) serves
 * the certificate the render mounts from the Secret; the agent (the DaemonSet's args) pushes with the token and CA
 * the render projects, to the aggregator's port instead of the Service name; a stand-in API server answers the
 * aggregator's TokenReview as Kubernetes 1.30+ does for a bound token of the agents' ServiceAccount (extra
 * authentication.kubernetes.io/node-name). The node itself is unreachable (as behind NAT): its NodeMetrics can only
 * come from the pushes. Another ServiceAccount's token, and the agent's token for another node, are refused.
 */
class PushLiveIT {

    static final String NODE = "edge-node-1";
    static final String AGENT_TOKEN = "bound-token-of-the-agent-pod";
    static final String OTHER_SA_TOKEN = "bound-token-of-another-service-account";
    static final String NODE_NAME_EXTRA = "authentication.kubernetes.io/node-name";

    static List<Kustomizations.Target> pushing() {
        return PushManifestIT.pushing();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pushing")
    void agentPushesAndTheAggregatorServesItsNode(Kustomizations.Target target) throws Exception {
        Manifest m = target.manifest();
        DockerfileModel dockerfile = AgentManifestIT.dockerfile();
        Optional<Path> jdk = Launcher.localJdk(dockerfile.jdkRelease());
        assumeTrue(jdk.isPresent(), "no JDK " + dockerfile.jdkRelease() + " here to run the image's launchers with");
        V1PodSpec agentSpec = AgentManifestIT.podSpec(m);
        V1Container agentC = PodSpecs.container(agentSpec, AgentManifestIT.CONTAINER);
        V1PodSpec aggSpec = AggregatorManifestIT.podSpec(m);
        V1Container aggC = PodSpecs.container(aggSpec, AggregatorManifestIT.CONTAINER);
        String ns = AgentManifestIT.daemonSet(m).getMetadata().getNamespace();
        String sa = agentSpec.getServiceAccountName();

        PemFiles.KeyPair ca = TestPki.ca("nodepulse-aggregator-ca");
        PemFiles.KeyPair serving = TestPki.issue(ca, "nodepulse-aggregator", List.of(), KeyPurposeId.id_kp_serverAuth,
                List.of("127.0.0.1"));
        Function<PodFiles.Source, String> contents = source -> {
            if (source instanceof PodFiles.Token) {
                return AGENT_TOKEN;
            }
            PodFiles.Key k = (PodFiles.Key) source;
            return switch (k.kind() + "/" + k.key()) {
                case "ConfigMap/ca.crt" -> pem(ca);
                case "Secret/tls.crt" -> pem(serving);
                case "Secret/tls.key" -> PemFiles.toPem("PRIVATE KEY", serving.key().getEncoded());
                default -> null;
            };
        };

        Path dir = Files.createTempDirectory("nodepulse-push");
        try (FakeKubeApiServer api = new FakeKubeApiServer()) {
            List<String> groups = List.of("system:serviceaccounts", "system:serviceaccounts:" + ns, "system:authenticated");
            api.user(AGENT_TOKEN, new FakeKubeApiServer.User("system:serviceaccount:" + ns + ":" + sa, "uid-agent", groups,
                    Map.of(NODE_NAME_EXTRA, List.of(NODE))));
            api.user(OTHER_SA_TOKEN, new FakeKubeApiServer.User("system:serviceaccount:" + ns + ":not-the-agent", "uid-other",
                    groups, Map.of(NODE_NAME_EXTRA, List.of(NODE))));
            Path kubeconfig = api.writeKubeconfig(dir);

            List<String> aggArgs = new ArrayList<>(PodFiles.materialize(aggSpec, aggC, PodSpecs.expandedArgs(aggC), contents,
                    dir.resolve("aggregator-volumes")));
            // The cluster's client CA from extension-apiserver-authentication is not needed for tokens.
            aggArgs.addAll(List.of("--kubeconfig=" + kubeconfig, "--authentication-skip-lookup"));
            try (RunningAggregator agg = RunningAggregator.start(Launcher.of(dockerfile, ImagePaths.AGGREGATOR_LAUNCHER, jdk.get()),
                    aggArgs, Files.createDirectories(dir.resolve("certs")), List.of(NODE + "=http://127.0.0.1:1"),
                    PodSpecs.env(aggC, Map.of()))) {
                List<String> agentArgs = new ArrayList<>();
                for (String a : PodFiles.materialize(agentSpec, agentC, AgentLiveIT.hostArgs(m), contents,
                        dir.resolve("agent-volumes"))) {
                    if (a.startsWith("--push.url=")) {
                        URI u = URI.create(a.substring("--push.url=".length()));
                        a = "--push.url=" + new URI(u.getScheme(), null, "127.0.0.1", agg.port(), u.getPath(), null, null);
                    }
                    agentArgs.add(a);
                }
                if (PodSpecs.hasBoolFlag(agentArgs, "web.kube-auth")) {
                    agentArgs.add("--kubeconfig=" + kubeconfig);
                }
                try (RunningAgent agent = RunningAgent.start(Launcher.of(dockerfile, ImagePaths.AGENT_LAUNCHER, jdk.get()),
                        agentArgs, Files.createDirectories(dir.resolve("agent-tmp")),
                        PodSpecs.env(agentC, Map.of("spec.nodeName", NODE)))) {
                    int budget = aggC.getReadinessProbe().getInitialDelaySeconds()
                            + aggC.getReadinessProbe().getPeriodSeconds() * aggC.getReadinessProbe().getFailureThreshold();
                    assertTrue(agg.await(aggC.getReadinessProbe().getHttpGet().getPath(), Duration.ofSeconds(budget + 10)),
                            "ready from two pushes within the readiness probe's budget of " + budget + " s:\naggregator:\n"
                                    + agg.output() + "\nagent:\n" + agent.output());

                    NodeMetricsList nodes = new Metrics(AggregatorLiveIT.anonymousClient(agg.port())).getNodeMetrics();
                    assertEquals(List.of(NODE), nodes.getItems().stream().map(n -> n.getMetadata().getName()).toList());
                    NodeMetrics n = nodes.getItems().get(0);
                    double cpu = n.getUsage().get("cpu").getNumber().doubleValue();
                    double mem = n.getUsage().get("memory").getNumber().doubleValue();
                    assertTrue(cpu > 0 && cpu <= Runtime.getRuntime().availableProcessors() * 1.05, "node CPU " + cpu);
                    assertTrue(mem > 0 && mem <= HostFacts.memTotalBytes(), "node memory " + mem);

                    String self = agg.get("/metrics").body();
                    long accepted = counter(self, "nodepulse_aggregator_push_total{result=\"accepted\"}");
                    assertTrue(accepted >= 2, "pushes accepted: " + accepted + "\n" + self);
                    assertTrue(api.tokenReviews().stream().anyMatch(r -> AGENT_TOKEN.equals(token(r))),
                            "the aggregator reviewed the token the agent read from its projected volume");

                    byte[] body = agent.get("/metrics/resource").body().getBytes(StandardCharsets.UTF_8);
                    Map<String, String> plain = Map.of("Content-Type", "text/plain; version=0.0.4");
                    assertEquals(403, agg.post("/push/v1/nodes/" + NODE, headers(plain, OTHER_SA_TOKEN), body).status(),
                            "a token of another ServiceAccount proves no node, even with a node name");
                    assertEquals(403, agg.post("/push/v1/nodes/another-node", headers(plain, AGENT_TOKEN), body).status(),
                            "the agent's token pushes for its own node only");
                    assertEquals(401, agg.post("/push/v1/nodes/" + NODE, plain, body).status(), "no credential");
                    assertEquals(accepted, counter(agg.get("/metrics").body(), "nodepulse_aggregator_push_total{result=\"accepted\"}"),
                            "refused pushes are not stored");
                    assertFalse(agent.output().contains("push refused"), "every push of the agent accepted:\n" + agent.output());

                    long aggLimit = aggC.getResources().getLimits().get("memory").getNumber().longValue();
                    long agentLimit = agentC.getResources().getLimits().get("memory").getNumber().longValue();
                    System.out.printf("[live] %s: %d pushes accepted; agent RSS %d MiB (limit %d), aggregator RSS %d MiB (limit %d)%n",
                            target.name(), accepted, agent.rssBytes() >> 20, agentLimit >> 20, agg.rssBytes() >> 20, aggLimit >> 20);
                    assertTrue(agent.rssBytes() < agentLimit, "agent inside its memory limit while pushing");
                    assertTrue(agg.rssBytes() < aggLimit);
                }
            }
        } finally {
            DockerfileIT.deleteTree(dir);
        }
    }

    private static Map<String, String> headers(Map<String, String> base, String token) {
        Map<String, String> h = new java.util.HashMap<>(base);
        h.put("Authorization", "Bearer " + token);
        return h;
    }

    private static String token(JsonObject review) {
        try {
            return review.object("spec").string("token");
        } catch (dev.nodepulse.json.JsonException e) {
            return null;
        }
    }

    private static long counter(String exposition, String series) {
        Matcher mm = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+]+)$").matcher(exposition);
        return mm.find() ? (long) Double.parseDouble(mm.group(1)) : 0;
    }

    private static String pem(PemFiles.KeyPair pair) {
        try {
            return PemFiles.toPem("CERTIFICATE", pair.chain().get(0).getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
