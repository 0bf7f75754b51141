package dev.nodepulse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.cli.Durations;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Push mode (components/push) in every render whose agents push: they reach the aggregator's Service over HTTPS,
 * verify it with the CA the aggregator's certificate comes from, prove their node with a bound token of the
 * ServiceAccount the aggregator accepts (--push-service-accounts), and push once per --metric-resolution.
 */
class PushManifestIT {

    static List<Kustomizations.Target> pushing() {
        return Kustomizations.all().stream().filter(t -> PodSpecs.flag(agentArgs(t.manifest()), "push.url").isPresent()).toList();
    }

    static List<String> agentArgs(Manifest m) {
        return PodSpecs.expandedArgs(PodSpecs.container(AgentManifestIT.podSpec(m), AgentManifestIT.CONTAINER));
    }

    static List<String> aggregatorArgs(Manifest m) {
        return PodSpecs.expandedArgs(PodSpecs.container(AggregatorManifestIT.podSpec(m), AggregatorManifestIT.CONTAINER));
    }

    @Test
    void anOverlayPushes() {
        assertFalse(pushing().isEmpty(), "no overlay uses components/push");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pushing")
    void agentsReachTheAggregatorsServiceOverHttpsEveryResolution(Kustomizations.Target target) {
        Manifest m = target.manifest();
        URI url = URI.create(PodSpecs.flag(agentArgs(m), "push.url").orElseThrow());
        assertEquals("https", url.getScheme(), "the agents send a token: only over TLS");
        V1Service svc = m.one(V1Service.class, AggregatorManifestIT.NAME);
        String ns = svc.getMetadata().getNamespace();
        assertTrue(List.of(svc.getMetadata().getName() + "." + ns + ".svc",
                svc.getMetadata().getName() + "." + ns + ".svc.cluster.local").contains(url.getHost()),
                "--push.url names the aggregator's Service: " + url.getHost());
        assertTrue(url.getPath().isEmpty() || url.getPath().equals("/"), "a base URL; the agent appends /push/v1/nodes/NODE");
        V1Container agg = PodSpecs.container(AggregatorManifestIT.podSpec(m), AggregatorManifestIT.CONTAINER);
        int securePort = Integer.parseInt(PodSpecs.flag(aggregatorArgs(m), "secure-port").orElse("10250"));
        int port = url.getPort() < 0 ? 443 : url.getPort();
        V1ServicePort sp = svc.getSpec().getPorts().stream().filter(p -> p.getPort() == port).findFirst()
                .orElseThrow(() -> new AssertionError("the Service has no port " + port));
        assertEquals(securePort, PodSpecs.port(agg, sp.getTargetPort()), "Service port " + port + " -> the aggregator's --secure-port");

        assertEquals(Durations.parse(PodSpecs.flag(aggregatorArgs(m), "metric-resolution").orElse("1m")),
                Durations.parse(PodSpecs.flag(agentArgs(m), "push.interval").orElse("15s")),
                "one push per --metric-resolution: the CPU rate's window is the time between two pushes");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pushing")
    void agentsProveTheirNodeWithABoundTokenOfTheAcceptedServiceAccount(Kustomizations.Target target) {
        Manifest m = target.manifest();
        V1PodSpec spec = AgentManifestIT.podSpec(m);
        V1Container c = PodSpecs.container(spec, AgentManifestIT.CONTAINER);
        String tokenPath = PodSpecs.flag(agentArgs(m), "push.bearer-token-file")
                .orElseThrow(() -> new AssertionError("--push.bearer-token-file: the base does not automount the token"));
        PodFiles.File token = PodFiles.at(spec, c, tokenPath)
                .orElseThrow(() -> new AssertionError(tokenPath + " is on no projected volume"));
        PodFiles.Token t = assertInstanceOf(PodFiles.Token.class, token.source(), tokenPath + " is a ServiceAccount token");
        // The aggregator's TokenReview names no audience, so the API server checks its own: a token for another
        // audience would be refused.
        assertNull(t.audience(), "the token is for the API server's audience, the one the aggregator's TokenReview checks");
        assertTrue(t.expirationSeconds() == null || t.expirationSeconds() >= 600, "the API server's minimum is 600 s");
        assertTrue(PodFiles.readable(spec, c, token), "the agent can read its token");

        String sa = AgentManifestIT.daemonSet(m).getMetadata().getNamespace() + ":" + spec.getServiceAccountName();
        assertTrue(PodSpecs.flag(aggregatorArgs(m), "push-service-accounts").map(v -> List.of(v.split(",")).contains(sa))
                .orElse(false), "--push-service-accounts accepts the agents' ServiceAccount " + sa);
        // TokenReview is what turns the token into the node name: the aggregator must be allowed to create them.
        V1Deployment d = m.one(V1Deployment.class, AggregatorManifestIT.NAME);
        assertEquals(List.of(), new Rbac(m).denied(d.getMetadata().getNamespace(), AggregatorManifestIT.podSpec(m).getServiceAccountName(),
                List.of(new Rbac.Request("create", "authentication.k8s.io", "tokenreviews", null, null))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pushing")
    void agentsVerifyTheAggregatorsCertificate(Kustomizations.Target target) {
        Manifest m = target.manifest();
        V1PodSpec agentSpec = AgentManifestIT.podSpec(m);
        V1Container agent = PodSpecs.container(agentSpec, AgentManifestIT.CONTAINER);
        String caPath = PodSpecs.flag(agentArgs(m), "push.ca-file")
                .orElseThrow(() -> new AssertionError("--push.ca-file: the cluster CA does not sign the aggregator's certificate"));
        PodFiles.File ca = PodFiles.at(agentSpec, agent, caPath).orElseThrow(() -> new AssertionError(caPath + " is on no volume"));
        PodFiles.Key caKey = assertInstanceOf(PodFiles.Key.class, ca.source());
        assertEquals("ConfigMap", caKey.kind(), "the CA comes from a ConfigMap: a Secret with the key would reach every node");
        assertTrue(PodFiles.readable(agentSpec, agent, ca));

        V1PodSpec aggSpec = AggregatorManifestIT.podSpec(m);
        V1Container agg = PodSpecs.container(aggSpec, AggregatorManifestIT.CONTAINER);
        String secret = null;
        for (String flag : List.of("tls-cert-file", "tls-private-key-file")) {
            String path = PodSpecs.flag(aggregatorArgs(m), flag)
                    .orElseThrow(() -> new AssertionError("--" + flag + ": the self-signed certificate cannot be verified"));
            PodFiles.File f = PodFiles.at(aggSpec, agg, path).orElseThrow(() -> new AssertionError(path + " is on no volume"));
            PodFiles.Key k = assertInstanceOf(PodFiles.Key.class, f.source());
            assertEquals("Secret", k.kind(), "--" + flag);
            assertTrue(secret == null || secret.equals(k.object()), "certificate and key from one Secret");
            secret = k.object();
            assertTrue(PodFiles.readable(aggSpec, agg, f), "the aggregator's user can read " + path + " (mode "
                    + Integer.toOctalString(f.mode()) + ", fsGroup " + (aggSpec.getSecurityContext() == null ? null
                    : aggSpec.getSecurityContext().getFsGroup()) + ")");
            assertEquals(0, f.mode() & 07, path + " is not world-readable");
        }
    }
}
