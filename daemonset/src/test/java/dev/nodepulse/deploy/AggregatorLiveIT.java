package dev.nodepulse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubernetes.client.Metrics;
import io.kubernetes.client.custom.NodeMetrics;
import io.kubernetes.client.custom.NodeMetricsList;
import io.kubernetes.client.openapi.ApiClient;
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
 * The aggregator as the plain-HTTP renders run it (kube-auth renders need an API server for the agents, push
 * renders the certificates PushLiveIT makes), started through the image's launcher beside an agent started from
 * the same render: the probe paths answer, the discovery document kube-apiserver polls for APIService
 * availability answers 2xx within its 5 s, the readiness probe turns ready once the agent's /metrics/resource has
 * been scraped twice, and NodeMetrics read with the Kubernetes Java client (as kubectl top reads them) hold this
 * host's CPU and memory.
 */
class AggregatorLiveIT {

    static final String NODE = "node-a";

    static List<Kustomizations.Target> plainAggregators() {
        return AggregatorManifestIT.withAggregator().stream().filter(t -> {
            List<String> agentArgs = PodSpecs.expandedArgs(PodSpecs.container(AgentManifestIT.podSpec(t.manifest()),
                    AgentManifestIT.CONTAINER));
            return !PodSpecs.hasBoolFlag(agentArgs, "web.kube-auth") && PodSpecs.flag(agentArgs, "push.url").isEmpty();
        }).toList();
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
        try (RunningAgent agent = RunningAgent.start(Launcher.of(dockerfile, ImagePaths.AGENT_LAUNCHER, jdk.get()),
                AgentLiveIT.hostArgs(m), Files.createDirectories(tmp.resolve("agent")),
                PodSpecs.env(agentC, Map.of("spec.nodeName", NODE)));
                RunningAggregator agg = RunningAggregator.start(Launcher.of(dockerfile, ImagePaths.AGGREGATOR_LAUNCHER, jdk.get()),
                        PodSpecs.expandedArgs(aggC), Files.createDirectories(tmp.resolve("certs")),
                        List.of(NODE + "=" + agent.baseUrl()), PodSpecs.env(aggC, Map.of()))) {
            assertEquals(200, agg.get(aggC.getLivenessProbe().getHttpGet().getPath()).status(), "liveness probe path");
            long t0 = System.nanoTime();
            RunningAgent.Response discovery = agg.get("/apis/metrics.k8s.io/v1beta1");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(200, discovery.status(), "APIService availability check path");
            assertTrue(ms < 5000, "kube-apiserver gives the availability check 5 s; took " + ms + " ms");
            assertTrue(discovery.body().contains("\"nodes\"") && discovery.body().contains("\"pods\""), discovery.body());

            assertEquals(200, agent.get("/metrics/resource").status(), "the agent serves the kubelet's /metrics/resource");
            // Two scrapes one --metric-resolution apart make the first CPU rate; the probe's budget is larger.
            int budget = aggC.getReadinessProbe().getInitialDelaySeconds()
                    + aggC.getReadinessProbe().getPeriodSeconds() * aggC.getReadinessProbe().getFailureThreshold();
            assertTrue(agg.await(aggC.getReadinessProbe().getHttpGet().getPath(), Duration.ofSeconds(budget + 10)),
                    "ready within the readiness probe's budget of " + budget + " s after scraping the agent:\n" + agg.output());

            NodeMetricsList nodes = new Metrics(anonymousClient(agg.port())).getNodeMetrics();
            assertEquals(List.of(NODE), nodes.getItems().stream().map(n -> n.getMetadata().getName()).toList(), agg.output());
            NodeMetrics n = nodes.getItems().get(0);
            double cpu = n.getUsage().get("cpu").getNumber().doubleValue();
            double mem = n.getUsage().get("memory").getNumber().doubleValue();
            int cores = Runtime.getRuntime().availableProcessors();
            assertTrue(cpu > 0 && cpu <= cores * 1.05, "node CPU " + cpu + " cores, this host has " + cores);
            assertTrue(mem > 0 && mem <= HostFacts.memTotalBytes(), "node memory " + mem + " of " + HostFacts.memTotalBytes());
            double inUse = HostFacts.memTotalBytes() - HostFacts.memAvailableBytes();
            assertTrue(Math.abs(mem - inUse) < 0.25 * inUse + 256e6, "node memory " + mem + " vs /proc/meminfo in use " + inUse);
            assertTrue(n.getWindow().endsWith("s"), "window " + n.getWindow());
            System.out.printf("[live] %s: NodeMetrics cpu %.3f cores, memory %d MiB (/proc/meminfo in use %d MiB)%n",
                    target.name(), cpu, (long) mem >> 20, (long) inUse >> 20);

            long limit = aggC.getResources().getLimits().get("memory").getNumber().longValue();
            System.out.printf("[live] %s aggregator: RSS %d MiB, limit %d MiB%n", target.name(), agg.rssBytes() >> 20, limit >> 20);
            assertTrue(agg.rssBytes() < limit);
        } finally {
            DockerfileIT.deleteTree(tmp);
        }
    }

    /**
     * A Kubernetes client as kubectl top would use one, anonymous here: the aggregator runs with AlwaysAllow (no API
     * server to ask) and its self-signed certificate is not verified, as the APIService's insecureSkipTLSVerify.
     */
    static ApiClient anonymousClient(int port) {
        ApiClient client = new ApiClient().setBasePath("https://127.0.0.1:" + port).setVerifyingSsl(false);
        client.setReadTimeout(10_000);
        return client;
    }
}
