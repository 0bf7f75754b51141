package dev.nodepulse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RBAC covers every Kubernetes API call the code makes: the calls are read from the jars' class files
 * ({@link ApiCalls}), the permissions from each render's roles and bindings ({@link Rbac}).
 */
class RbacIT {

    static ApiCalls.Scan agentCalls;
    static ApiCalls.Scan aggregatorCalls;

    @BeforeAll
    static void scan() throws Exception {
        agentCalls = ApiCalls.scan(Repo.agentJar());
        aggregatorCalls = ApiCalls.scan(Repo.built("aggregator/target/nodepulse-aggregator.jar"));
        System.out.println("[rbac] agent jar API calls: " + agentCalls.calls());
        System.out.println("[rbac] aggregator jar API calls: " + aggregatorCalls.calls());
    }

    static List<Kustomizations.Target> targets() {
        return Kustomizations.all();
    }

    @Test
    void everyClientCallInTheJarsIsUnderstood() {
        assertTrue(agentCalls.unmapped().isEmpty(), "client-java calls the RBAC check cannot attribute: " + agentCalls.unmapped());
        assertTrue(aggregatorCalls.unmapped().isEmpty(), "client-java calls the RBAC check cannot attribute: " + aggregatorCalls.unmapped());
        assertFalse(aggregatorCalls.calls().isEmpty(), "the aggregator talks to the API server: the scan is broken");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void aggregatorHasEveryCallItMakes(Kustomizations.Target target) {
        Manifest m = target.manifest();
        if (m.all(io.kubernetes.client.openapi.models.V1Deployment.class).stream()
                .noneMatch(d -> AggregatorManifestIT.NAME.equals(d.getMetadata().getName()))) {
            return;
        }
        V1PodSpec spec = AggregatorManifestIT.podSpec(m);
        String ns = m.one(io.kubernetes.client.openapi.models.V1Deployment.class, AggregatorManifestIT.NAME).getMetadata().getNamespace();
        String sa = spec.getServiceAccountName();
        assertTrue(tokenMounted(spec, m.one(V1ServiceAccount.class, sa)), "the aggregator needs its token");
        List<Rbac.Request> needed = new ArrayList<>();
        for (ApiCalls.Call c : aggregatorCalls.calls()) {
            needed.add(new Rbac.Request(c.verb(), c.group(), c.resource(), c.namespace(), c.name()));
        }
        // Not a call it makes, a permission it is checked for: agents with kube auth authorize its scrapes of
        // /metrics/resource as the kubelet does, get nodes/metrics.
        List<String> agentArgs = PodSpecs.expandedArgs(PodSpecs.container(AgentManifestIT.podSpec(m), AgentManifestIT.CONTAINER));
        if (PodSpecs.hasBoolFlag(agentArgs, "web.kube-auth")) {
            needed.add(new Rbac.Request("get", "", "nodes/metrics", null, null));
        }
        assertEquals(List.of(), new Rbac(m).denied(ns, sa, needed), target.name() + ": the aggregator's service account lacks");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void agentHasWhatItsFlagsMakeItCall(Kustomizations.Target target) {
        Manifest m = target.manifest();
        V1PodSpec spec = AgentManifestIT.podSpec(m);
        List<String> args = PodSpecs.expandedArgs(PodSpecs.container(spec, AgentManifestIT.CONTAINER));
        String ns = AgentManifestIT.daemonSet(m).getMetadata().getNamespace();
        String sa = spec.getServiceAccountName();
        boolean tokenMounted = tokenMounted(spec, m.one(V1ServiceAccount.class, sa));
        // The agent talks to the API server only for kube auth (TokenReview/SubjectAccessReview); the DESIGN has
        // it start and serve without a cluster otherwise.
        boolean usesApi = PodSpecs.hasBoolFlag(args, "web.kube-auth");
        assertEquals(usesApi, tokenMounted, target.name() + ": the service account token is mounted exactly when the agent "
                + "calls the API server (--web.kube-auth " + usesApi + ")");
        if (!usesApi) {
            return;
        }
        List<Rbac.Request> needed = new ArrayList<>();
        for (ApiCalls.Call c : agentCalls.calls()) {
            needed.add(new Rbac.Request(c.verb(), c.group(), c.resource(), c.namespace(), c.name()));
        }
        assertFalse(needed.isEmpty(), "kube auth is on but the agent jar makes no API call: the scan is broken");
        List<Rbac.Request> denied = new Rbac(m).denied(ns, sa, needed);
        assertTrue(denied.isEmpty(), target.name() + ": the agent's service account lacks " + denied);
    }

    static boolean tokenMounted(V1PodSpec spec, V1ServiceAccount sa) {
        if (spec.getAutomountServiceAccountToken() != null) {
            return spec.getAutomountServiceAccountToken();
        }
        return sa.getAutomountServiceAccountToken() == null || sa.getAutomountServiceAccountToken();
    }
}
