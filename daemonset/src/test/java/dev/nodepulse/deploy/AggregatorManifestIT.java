package dev.nodepulse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubernetes.client.openapi.models.V1APIService;
import io.kubernetes.client.openapi.models.V1ClusterRole;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1PodAffinityTerm;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The aggregator Deployment, Service, PDB, APIService and reader role of every render that has them. */
class AggregatorManifestIT {

    static final String NAME = "nodepulse-aggregator";
    static final String CONTAINER = "aggregator";

    static JarCli aggregator;

    @BeforeAll
    static void jar() {
        aggregator = JarCli.of(Repo.built("aggregator/target/nodepulse-aggregator.jar"));
    }

    static List<Kustomizations.Target> withAggregator() {
        return Kustomizations.all().stream()
                .filter(t -> t.manifest().all(V1Deployment.class).stream().anyMatch(d -> NAME.equals(d.getMetadata().getName())))
                .toList();
    }

    static V1PodSpec podSpec(Manifest m) {
        return m.one(V1Deployment.class, NAME).getSpec().getTemplate().getSpec();
    }

    /** The one kustomization without the aggregator, for clusters that keep metrics-server. */
    static final String AGENTS_ONLY = "agents-only";

    /**
     * Issue 7: one directory (daemonset/, the base) gives the agents and the aggregator registered as
     * v1beta1.metrics.k8s.io, and so does every overlay built on it; agents-only registers nothing that would take
     * the APIService from metrics-server.
     */
    @Test
    void theBaseAndEveryOverlayButAgentsOnlyInstallTheAggregator() {
        List<String> expected = Kustomizations.all().stream().map(Kustomizations.Target::name)
                .filter(n -> !n.equals(AGENTS_ONLY)).toList();
        assertEquals(expected, withAggregator().stream().map(Kustomizations.Target::name).toList());
        assertEquals("metrics.k8s.io", Kustomizations.base().manifest().one(V1APIService.class, "v1beta1.metrics.k8s.io")
                .getSpec().getGroup());

        Manifest agentsOnly = Kustomizations.overlay(AGENTS_ONLY).manifest();
        assertEquals(List.of(), agentsOnly.all(V1APIService.class), "agents-only leaves metrics.k8s.io to metrics-server");
        assertEquals(List.of(), agentsOnly.docs().stream().filter(d -> d.name() != null && d.name().contains("aggregat"))
                .map(d -> d.kind() + "/" + d.name()).toList(), "agents-only has no aggregator objects");
        assertNotNull(AgentManifestIT.daemonSet(agentsOnly), "agents-only still has the agents");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withAggregator")
    void twoReplicasOnDifferentNodesWithADisruptionBudget(Kustomizations.Target target) {
        Manifest m = target.manifest();
        V1Deployment d = m.one(V1Deployment.class, NAME);
        Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata().getLabels();
        assertEquals(2, d.getSpec().getReplicas());
        List<V1PodAffinityTerm> anti = d.getSpec().getTemplate().getSpec().getAffinity().getPodAntiAffinity()
                .getRequiredDuringSchedulingIgnoredDuringExecution();
        assertTrue(anti.stream().anyMatch(t -> "kubernetes.io/hostname".equals(t.getTopologyKey())
                && podLabels.entrySet().containsAll(t.getLabelSelector().getMatchLabels().entrySet())),
                "replicas kept on different nodes");
        V1PodDisruptionBudget pdb = m.one(V1PodDisruptionBudget.class, NAME);
        assertTrue(podLabels.entrySet().containsAll(pdb.getSpec().getSelector().getMatchLabels().entrySet()), "PDB selects the pods");
        assertEquals(d.getMetadata().getNamespace(), pdb.getMetadata().getNamespace());
        int minAvailable = pdb.getSpec().getMinAvailable().getIntValue();
        assertTrue(minAvailable >= 1 && minAvailable < d.getSpec().getReplicas(), "a drain may evict one replica, never both");
        assertEquals("system-cluster-critical", podSpec(m).getPriorityClassName());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withAggregator")
    void apiServiceReachesTheSecurePort(Kustomizations.Target target) {
        Manifest m = target.manifest();
        V1Container c = PodSpecs.container(podSpec(m), CONTAINER);
        List<String> args = PodSpecs.expandedArgs(c);
        int securePort = Integer.parseInt(PodSpecs.flag(args, "secure-port").orElse("10250"));

        V1Service svc = m.one(V1Service.class, NAME);
        Map<String, String> podLabels = m.one(V1Deployment.class, NAME).getSpec().getTemplate().getMetadata().getLabels();
        svc.getSpec().getSelector().forEach((k, v) -> assertEquals(v, podLabels.get(k), "Service selector " + k));
        V1ServicePort port = svc.getSpec().getPorts().stream().filter(p -> p.getPort() == 443).findFirst()
                .orElseThrow(() -> new AssertionError("Service port 443"));
        assertEquals(securePort, PodSpecs.port(c, port.getTargetPort()), "Service 443 -> the container's --secure-port");

        V1APIService api = m.one(V1APIService.class, "v1beta1.metrics.k8s.io");
        assertEquals("metrics.k8s.io", api.getSpec().getGroup());
        assertEquals("v1beta1", api.getSpec().getVersion());
        assertEquals(svc.getMetadata().getName(), api.getSpec().getService().getName());
        assertEquals(svc.getMetadata().getNamespace(), api.getSpec().getService().getNamespace());
        Integer apiPort = api.getSpec().getService().getPort();
        assertEquals(443, apiPort == null ? 443 : apiPort);
        assertTrue(Boolean.TRUE.equals(api.getSpec().getInsecureSkipTLSVerify()) || api.getSpec().getCaBundle() != null,
                "kube-apiserver needs a way to accept the aggregator's certificate");
        assertEquals(100, api.getSpec().getGroupPriorityMinimum());
        assertEquals(100, api.getSpec().getVersionPriority());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withAggregator")
    void argumentsAreFlagsTheJarAcceptsAndFitTheAgents(Kustomizations.Target target) throws Exception {
        Manifest m = target.manifest();
        V1Container c = PodSpecs.container(podSpec(m), CONTAINER);
        assertEquals(List.of(ImagePaths.AGGREGATOR_LAUNCHER), c.getCommand(), "the image's aggregator launcher");
        AgentManifestIT.dockerfile().heredocAt(ImagePaths.AGGREGATOR_LAUNCHER);
        List<String> args = PodSpecs.expandedArgs(c);
        aggregator.assertAccepts(target.name(), args);

        List<String> agentArgs = PodSpecs.expandedArgs(PodSpecs.container(AgentManifestIT.podSpec(m), AgentManifestIT.CONTAINER));
        assertEquals(String.valueOf(AgentManifestIT.PORT), PodSpecs.flag(args, "kubelet-port").orElse("9100"),
                "the aggregator scrapes the agents' port");
        boolean agentsTls = AgentManifestIT.servesTls(agentArgs);
        boolean plain = PodSpecs.hasBoolFlag(args, "deprecated-kubelet-completely-insecure");
        assertEquals(!agentsTls, plain, "plain HTTP to the agents exactly when they serve plain HTTP");
        if (agentsTls) {
            assertTrue(PodSpecs.hasBoolFlag(args, "kubelet-insecure-tls") || PodSpecs.flag(args, "kubelet-certificate-authority").isPresent(),
                    "the agents' self-signed certificates need --kubelet-insecure-tls or a CA");
        }
        String agentSa = AgentManifestIT.daemonSet(m).getMetadata().getNamespace() + ":" + AgentManifestIT.podSpec(m).getServiceAccountName();
        assertTrue(PodSpecs.flag(args, "push-service-accounts").map(v -> List.of(v.split(",")).contains(agentSa)).orElse(false),
                "--push-service-accounts names the agents' ServiceAccount " + agentSa);
        assertFalse(args.stream().anyMatch(a -> a.startsWith("--authorization-mode=AlwaysAllow")), "AlwaysAllow is for local runs only");
        assertFalse(args.stream().anyMatch(a -> a.startsWith("--static-node")), "in a cluster nodes come from the API server");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withAggregator")
    void nonRootReadOnlyProbedOnLivezReadyz(Kustomizations.Target target) {
        V1PodSpec spec = podSpec(target.manifest());
        V1Container c = PodSpecs.container(spec, CONTAINER);
        V1SecurityContext sc = c.getSecurityContext();
        assertEquals(Boolean.TRUE, sc.getRunAsNonRoot());
        assertTrue(sc.getRunAsUser() != null && sc.getRunAsUser() != 0, "numeric non-root user");
        assertEquals(Boolean.TRUE, sc.getReadOnlyRootFilesystem());
        assertEquals(Boolean.FALSE, sc.getAllowPrivilegeEscalation());
        assertEquals(List.of("ALL"), sc.getCapabilities().getDrop());
        assertTrue(sc.getCapabilities().getAdd() == null || sc.getCapabilities().getAdd().isEmpty(), "no capability added");
        assertEquals("RuntimeDefault", spec.getSecurityContext().getSeccompProfile().getType());

        List<String> args = PodSpecs.expandedArgs(c);
        String certDir = PodSpecs.flag(args, "cert-dir").orElseThrow(() -> new AssertionError("--cert-dir"));
        V1VolumeMount mount = PodSpecs.mountOf(c, certDir).orElseThrow(() -> new AssertionError("--cert-dir on a mount"));
        assertNotNull(PodSpecs.volume(spec, mount.getName()).getEmptyDir(), "--cert-dir on a writable emptyDir");
        assertFalse(Boolean.TRUE.equals(mount.getReadOnly()));

        int securePort = Integer.parseInt(PodSpecs.flag(args, "secure-port").orElse("10250"));
        Map<V1Probe, String> probes = Map.of(c.getLivenessProbe(), "/livez", c.getReadinessProbe(), "/readyz");
        probes.forEach((p, path) -> {
            assertEquals(path, p.getHttpGet().getPath());
            assertEquals("HTTPS", p.getHttpGet().getScheme());
            assertEquals(securePort, PodSpecs.port(c, p.getHttpGet().getPort()));
        });
        List<String> always = PodSpecs.flag(args, "authorization-always-allow-paths").map(v -> List.of(v.split(",")))
                .orElse(List.of("/healthz", "/readyz", "/livez"));
        assertTrue(always.containsAll(List.of("/livez", "/readyz")), "the kubelet probes without credentials");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withAggregator")
    void memoryLimitCoversTheJvmCaps(Kustomizations.Target target) {
        V1Container c = PodSpecs.container(podSpec(target.manifest()), CONTAINER);
        long limit = c.getResources().getLimits().get("memory").getNumber().longValue();
        JvmBudget budget = JvmBudget.of(AgentManifestIT.launcherJvmOptions(c, ImagePaths.AGGREGATOR_LAUNCHER), limit);
        assertTrue(limit >= budget.bytes(), target.name() + ": limit " + (limit >> 20) + " MiB < " + budget);
        assertNotNull(c.getResources().getRequests().get("cpu"));
        assertTrue(c.getResources().getRequests().get("memory").getNumber().longValue() <= limit);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withAggregator")
    void readersGetMetricsThroughTheBuiltInRoles(Kustomizations.Target target) {
        V1ClusterRole reader = target.manifest().one(V1ClusterRole.class, "system:aggregated-metrics-reader");
        for (String role : List.of("view", "edit", "admin")) {
            assertEquals("true", reader.getMetadata().getLabels().get("rbac.authorization.k8s.io/aggregate-to-" + role),
                    "folded into " + role);
        }
        for (String resource : List.of("pods", "nodes")) {
            for (String verb : List.of("get", "list", "watch")) {
                assertTrue(reader.getRules().stream().anyMatch(r -> Rbac.matches(r,
                        new Rbac.Request(verb, "metrics.k8s.io", resource, null, null))), verb + " " + resource);
            }
        }
    }
}
