package dev.nodepulse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1PodSpec;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The agent as each kustomization runs it, started here through the image's launcher (JVM flags included) with
 * the DaemonSet's own args, container paths mapped back to this host's: the probes' path answers, /metrics
 * serves, and the process stays inside the memory limit. Targets whose agent needs a cluster (kube auth) or the
 * aggregator (push, see PushLiveIT) skip.
 */
class AgentLiveIT {

    static List<Kustomizations.Target> targets() {
        return Kustomizations.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void probesAnswerAndMemoryStaysInsideTheLimit(Kustomizations.Target target) throws Exception {
        Manifest m = target.manifest();
        V1Container c = PodSpecs.container(AgentManifestIT.podSpec(m), AgentManifestIT.CONTAINER);
        List<String> args = PodSpecs.expandedArgs(c);
        assumeFalse(PodSpecs.hasBoolFlag(args, "web.kube-auth"), "kube auth needs an API server");
        assumeFalse(PodSpecs.flag(args, "push.url").isPresent(), "push needs the aggregator's CA and a token: PushLiveIT runs it");
        DockerfileModel dockerfile = DockerfileModel.read(Repo.root().resolve("Dockerfile"));
        Optional<Path> jdk = Launcher.localJdk(dockerfile.jdkRelease());
        assumeTrue(jdk.isPresent(), "no JDK " + dockerfile.jdkRelease() + " here to run the image's launcher with");
        Launcher launcher = Launcher.of(dockerfile, ImagePaths.AGENT_LAUNCHER, jdk.get());
        Path tmp = Files.createTempDirectory("nodepulse-tmp");
        try (RunningAgent agent = RunningAgent.start(launcher, hostArgs(m), tmp, PodSpecs.env(c, Map.of("spec.nodeName", "node-under-test")))) {
            assertEquals(200, agent.get(c.getReadinessProbe().getHttpGet().getPath()).status(), "readiness probe path");
            assertEquals(200, agent.get(c.getLivenessProbe().getHttpGet().getPath()).status(), "liveness probe path");
            for (int i = 0; i < 30; i++) {
                RunningAgent.Response r = agent.get("/metrics");
                assertEquals(200, r.status());
                assertTrue(r.body().contains("node_cpu_seconds_total"), "node metrics served");
            }
            assertTrue(agent.get("/metrics").body().contains("node_scrape_collector_success{collector=\"uname\"} 1"),
                    "uname(2) through JNA works: its library unpacked into the emptyDir standing for /tmp");
            assertFalse(agent.output().contains("restricted method"), "native access granted, no JDK warning:\n" + agent.output());
            long rss = agent.rssBytes();
            BigDecimal limit = c.getResources().getLimits().get("memory").getNumber();
            BigDecimal request = c.getResources().getRequests().get("memory").getNumber();
            System.out.printf("[live] %s: RSS after 30 scrapes %d MiB (anonymous %d MiB); memory request %d MiB, limit %d MiB%n",
                    target.name(), rss >> 20, agent.rssAnonBytes() >> 20, request.longValue() >> 20, limit.longValue() >> 20);
            assertTrue(BigDecimal.valueOf(rss).compareTo(limit) < 0, "RSS " + (rss >> 20) + " MiB inside the limit " + limit);
            assertMetaspaceHeadroom(agent, jdk.get(), c);
        } finally {
            DockerfileIT.deleteTree(tmp);
        }
    }

    /**
     * Metaspace is capped by the launcher (-XX:MaxMetaspaceSize, possibly raised by JAVA_OPTS); a start-up that
     * already fills most of it would die of OutOfMemoryError: Metaspace once more classes load (error paths,
     * first TLS handshake). Three quarters of the cap is the most a warmed-up agent may use here.
     */
    static void assertMetaspaceHeadroom(RunningAgent agent, Path jdk, V1Container c) throws Exception {
        long committed = agent.metaspaceCommittedBytes(jdk);
        long cap = JvmBudget.of(AgentManifestIT.launcherJvmOptions(c)).metaspace();
        System.out.printf("[live] metaspace committed %d MiB of the %d MiB cap%n", committed >> 20, cap >> 20);
        assertTrue(committed < cap * 3 / 4, "metaspace " + (committed >> 20) + " MiB of a " + (cap >> 20) + " MiB cap");
    }

    /**
     * The agent's args with every path that a hostPath mount maps replaced by the host path it reaches, so the
     * process reads this machine as the pod would read its node.
     */
    static List<String> hostArgs(Manifest m) {
        V1PodSpec spec = AgentManifestIT.podSpec(m);
        V1Container c = PodSpecs.container(spec, AgentManifestIT.CONTAINER);
        List<String> out = new ArrayList<>();
        for (String a : PodSpecs.expandedArgs(c)) {
            int eq = a.indexOf('=');
            if (eq > 0 && a.charAt(eq + 1) == '/') {
                Optional<String> host = PodSpecs.hostPathOf(spec, c, a.substring(eq + 1));
                if (host.isPresent()) {
                    out.add(a.substring(0, eq + 1) + host.get());
                    continue;
                }
            }
            out.add(a);
        }
        return out;
    }
}
