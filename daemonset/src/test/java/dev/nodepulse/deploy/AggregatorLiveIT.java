package dev.nodepulse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubernetes.client.openapi.models.V1Container;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The aggregator as the plain-HTTP renders run it (kube-auth renders need an API server for the agents), started
 * through the image's launcher beside an agent started from the same render: the probe paths answer, the
 * discovery document kube-apiserver polls for APIService availability answers 2xx within its 5 s, and once the
 * agent serves /metrics/resource the aggregator becomes ready and serves the node.
 */
class AggregatorLiveIT {

    static List<Kustomizations.Target> plainAggregators() {
        return AggregatorManifestIT.withAggregator().stream().filter(t -> !PodSpecs.hasBoolFlag(PodSpecs.expandedArgs(
                PodSpecs.container(AgentManifestIT.podSpec(t.manifest()), AgentManifestIT.CONTAINER)), "web.kube-auth")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plainAggregators")
    void probesDiscoveryAndNodeMetrics(Kustomizations.Target target) throws Exception {
        Manifest m = target.manifest();
        DockerfileModel dockerfile = AgentManifestIT.dockerfile();
        Optional<Path> jdk = Launcher.localJdk(dockerfile.jdkRelease());
        assumeTrue(jdk.isPresent(), "no JDK " + dockerfile.jdkRelease() + " here to run the image's launchers with");
        V1Container agentC = PodSpecs.container(AgentManifestIT.podSpec(m), AgentManifestIT.CONTAINER);
        V1Container aggC = PodSpecs.container(AggregatorManifestIT.podSpec(m), AggregatorManifestIT.CONTAINER);
        Path tmp = Files.createTempDirectory("nodepulse-agg");
        boolean agentServesResource;
        try (RunningAgent agent = RunningAgent.start(Launcher.of(dockerfile, ImagePaths.AGENT_LAUNCHER, jdk.get()),
                AgentLiveIT.hostArgs(m), Files.createDirectories(tmp.resolve("agent")),
                PodSpecs.env(agentC, Map.of("spec.nodeName", "node-a")));
                RunningAggregator agg = RunningAggregator.start(Launcher.of(dockerfile, ImagePaths.AGGREGATOR_LAUNCHER, jdk.get()),
                        PodSpecs.expandedArgs(aggC), Files.createDirectories(tmp.resolve("certs")),
                        List.of("node-a=" + agent.baseUrl()), PodSpecs.env(aggC, Map.of()))) {
            assertEquals(200, agg.get(aggC.getLivenessProbe().getHttpGet().getPath()).status(), "liveness probe path");
            long t0 = System.nanoTime();
            RunningAgent.Response discovery = agg.get("/apis/metrics.k8s.io/v1beta1");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(200, discovery.status(), "APIService availability check path");
            assertTrue(ms < 5000, "kube-apiserver gives the availability check 5 s; took " + ms + " ms");
            assertTrue(discovery.body().contains("\"nodes\"") && discovery.body().contains("\"pods\""), discovery.body());

            agentServesResource = agent.get("/metrics/resource").status() == 200;
            if (agentServesResource) {
                assertTrue(agg.await(aggC.getReadinessProbe().getHttpGet().getPath(), Duration.ofSeconds(60)),
                        "ready after scraping the agent:\n" + agg.output());
                RunningAgent.Response nodes = agg.get("/apis/metrics.k8s.io/v1beta1/nodes");
                assertEquals(200, nodes.status());
                assertTrue(nodes.body().contains("\"node-a\""), nodes.body());
            }
            long limit = aggC.getResources().getLimits().get("memory").getNumber().longValue();
            System.out.printf("[live] %s aggregator: RSS %d MiB, limit %d MiB%n", target.name(), agg.rssBytes() >> 20, limit >> 20);
            assertTrue(agg.rssBytes() < limit);
        } finally {
            DockerfileIT.deleteTree(tmp);
        }
        assumeTrue(agentServesResource, "the agent does not serve /metrics/resource yet: readiness and NodeMetrics not checked");
    }
}
