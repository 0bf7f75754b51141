package dev.nodepulse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ServiceMonitors select the agent's Service and ports, scrape paths the agent serves, and after
 * Prometheus' relabelling carry the labels kube-prometheus' rules select on, so those rules match unchanged.
 */
class PrometheusOperatorIT {

    /**
     * Selectors of kube-prometheus' rules and dashboards (prometheus-operator/kube-prometheus: jsonnet
     * components: node-exporter's `job="node-exporter"`, kubernetes-mixin's cadvisorSelector
     * `job="kubelet", metrics_path="/metrics/cadvisor"`), by the path whose series they select.
     */
    static final Map<String, Map<String, String>> KUBE_PROMETHEUS_SELECTORS = Map.of(
            "/metrics", Map.of("job", "node-exporter"),
            "/metrics/cadvisor", Map.of("job", "kubelet", "metrics_path", "/metrics/cadvisor"));

    static List<Kustomizations.Target> withServiceMonitors() {
        return Kustomizations.all().stream().filter(t -> !t.manifest().maps("ServiceMonitor").isEmpty()).toList();
    }

    @Test
    void anOverlayShipsTheServiceMonitors() {
        assertFalse(withServiceMonitors().isEmpty(), "no overlay renders a ServiceMonitor");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withServiceMonitors")
    void endpointsSelectTheAgentAndCarryKubePrometheusLabels(Kustomizations.Target target) {
        Manifest m = target.manifest();
        V1Service svc = m.one(V1Service.class, AgentManifestIT.DAEMONSET);
        List<String> agentArgs = PodSpecs.expandedArgs(PodSpecs.container(AgentManifestIT.podSpec(m), AgentManifestIT.CONTAINER));
        boolean tls = AgentManifestIT.servesTls(agentArgs);
        boolean kubeAuth = PodSpecs.hasBoolFlag(agentArgs, "web.kube-auth");
        boolean nodeMetricsProtected = kubeAuth && PodSpecs.hasBoolFlag(agentArgs, "web.kube-auth.protect-node-metrics");
        List<String> paths = new ArrayList<>();
        for (Map<String, Object> sm : m.maps("ServiceMonitor")) {
            Map<String, Object> spec = map(sm, "spec");
            Map<String, Object> meta = map(sm, "metadata");
            Map<String, Object> selector = map(map(spec, "selector"), "matchLabels");
            selector.forEach((k, v) -> assertEquals(v, svc.getMetadata().getLabels().get(k), "ServiceMonitor selector " + k));
            if (spec.containsKey("namespaceSelector")) {
                Object names = map(spec, "namespaceSelector").get("matchNames");
                assertTrue(names instanceof List<?> l && l.contains(svc.getMetadata().getNamespace()), "namespaceSelector");
            } else {
                assertEquals(svc.getMetadata().getNamespace(), meta.get("namespace"), "ServiceMonitor in the Service's namespace");
            }
            for (Object o : (List<?>) spec.get("endpoints")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> ep = (Map<String, Object>) o;
                String port = (String) ep.get("port");
                assertTrue(svc.getSpec().getPorts().stream().map(V1ServicePort::getName).anyMatch(port::equals),
                        "endpoint port " + port + " is a port of the Service");
                String path = (String) ep.getOrDefault("path", "/metrics");
                paths.add(path);
                assertEquals(tls ? "https" : "http", ep.getOrDefault("scheme", "http"), path + ": scheme follows the agent's TLS");
                boolean protectedPath = path.startsWith("/metrics/") ? kubeAuth : nodeMetricsProtected;
                if (protectedPath) {
                    assertTrue(ep.containsKey("bearerTokenFile") || ep.containsKey("authorization"),
                            path + " needs Prometheus' token: the agent checks it with TokenReview");
                }
                Map<String, String> labels = relabel(ep, svc, path);
                Map<String, String> want = KUBE_PROMETHEUS_SELECTORS.get(path);
                assertTrue(want != null, "no kube-prometheus job is known for " + path);
                want.forEach((k, v) -> assertEquals(v, labels.get(k), path + ": label " + k + " after relabelling " + labels));
                if (path.equals("/metrics")) {
                    assertEquals("node-a", labels.get("instance"), "instance is the node name, as kube-prometheus relabels it");
                }
                if (path.equals("/metrics/cadvisor")) {
                    assertEquals(Boolean.TRUE, ep.get("honorLabels"), "cAdvisor's own pod/namespace/container labels win");
                }
            }
        }
        assertTrue(paths.contains("/metrics"), "the node job");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withServiceMonitors")
    void prometheusMayDiscoverTheTargets(Kustomizations.Target target) {
        Manifest m = target.manifest();
        String ns = m.one(V1Service.class, AgentManifestIT.DAEMONSET).getMetadata().getNamespace();
        Rbac rbac = new Rbac(m);
        List<Rbac.Request> needed = new ArrayList<>();
        for (String verb : List.of("list", "watch")) {
            for (String r : List.of("services", "endpoints", "pods")) {
                needed.add(new Rbac.Request(verb, "", r, ns, null));
            }
            needed.add(new Rbac.Request(verb, "discovery.k8s.io", "endpointslices", ns, null));
        }
        assertEquals(List.of(), rbac.denied("monitoring", "prometheus-k8s", needed), "kube-prometheus' Prometheus lacks");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withServiceMonitors")
    void theAgentServesEveryScrapedPath(Kustomizations.Target target) throws Exception {
        Manifest m = target.manifest();
        List<String> args = PodSpecs.expandedArgs(PodSpecs.container(AgentManifestIT.podSpec(m), AgentManifestIT.CONTAINER));
        assumeTrue(!PodSpecs.hasBoolFlag(args, "web.kube-auth"), "kube auth needs an API server");
        DockerfileModel dockerfile = DockerfileModel.read(Repo.root().resolve("Dockerfile"));
        Optional<Path> jdk = Launcher.localJdk(dockerfile.jdkRelease());
        assumeTrue(jdk.isPresent(), "no JDK " + dockerfile.jdkRelease() + " here to run the image's launcher with");
        Path tmp = Files.createTempDirectory("nodepulse-tmp");
        try (RunningAgent agent = RunningAgent.start(Launcher.of(dockerfile, ImagePaths.AGENT_LAUNCHER, jdk.get()),
                AgentLiveIT.hostArgs(m), tmp)) {
            for (Map<String, Object> sm : m.maps("ServiceMonitor")) {
                for (Object o : (List<?>) map(sm, "spec").get("endpoints")) {
                    Object given = ((Map<?, ?>) o).get("path");
                    String path = given == null ? "/metrics" : (String) given;
                    RunningAgent.Response r = agent.get(path);
                    assertEquals(200, r.status(), path);
                    assertTrue(r.body().contains("# TYPE "), path + " is a metrics exposition");
                }
            }
        } finally {
            DockerfileIT.deleteTree(tmp);
        }
    }

    /**
     * The target labels Prometheus ends up with for an endpoint of this Service: the operator's defaults (job =
     * Service name unless jobLabel picks a Service label, __metrics_path__, instance = address), then the
     * endpoint's relabelings. Only action "replace" is modelled; anything else fails this test until it is.
     */
    static Map<String, String> relabel(Map<String, Object> endpoint, V1Service svc, String path) {
        Map<String, String> l = new LinkedHashMap<>();
        l.put("job", svc.getMetadata().getName());
        l.put("__address__", "10.0.0.1:9100");
        l.put("__metrics_path__", path);
        l.put("__meta_kubernetes_pod_node_name", "node-a");
        l.put("__meta_kubernetes_namespace", svc.getMetadata().getNamespace());
        Object rules = endpoint.get("relabelings");
        for (Object o : rules == null ? List.of() : (List<?>) rules) {
            @SuppressWarnings("unchecked")
            Map<String, Object> r = (Map<String, Object>) o;
            String action = (String) r.getOrDefault("action", "replace");
            assertEquals("replace", action.toLowerCase(java.util.Locale.ROOT), "relabel action not modelled here: " + r);
            List<?> sources = (List<?>) r.getOrDefault("sourceLabels", List.of());
            String separator = (String) r.getOrDefault("separator", ";");
            StringBuilder value = new StringBuilder();
            for (int i = 0; i < sources.size(); i++) {
                value.append(i == 0 ? "" : separator).append(l.getOrDefault((String) sources.get(i), ""));
            }
            Matcher mm = Pattern.compile("^(?:" + r.getOrDefault("regex", "(.*)") + ")$").matcher(value);
            if (!mm.matches()) {
                continue;
            }
            String replacement = (String) r.getOrDefault("replacement", "$1");
            String out = expand(replacement, mm);
            String targetLabel = (String) r.get("targetLabel");
            if (out.isEmpty()) {
                l.remove(targetLabel);
            } else {
                l.put(targetLabel, out);
            }
        }
        l.putIfAbsent("instance", l.get("__address__"));
        Map<String, String> visible = new HashMap<>();
        l.forEach((k, v) -> {
            if (!k.startsWith("__")) {
                visible.put(k, v);
            }
        });
        return visible;
    }

    private static String expand(String replacement, Matcher m) {
        Matcher ref = Pattern.compile("\\$(\\d+)|\\$\\{(\\d+)}").matcher(replacement);
        StringBuilder out = new StringBuilder();
        while (ref.find()) {
            int g = Integer.parseInt(ref.group(1) != null ? ref.group(1) : ref.group(2));
            ref.appendReplacement(out, Matcher.quoteReplacement(g <= m.groupCount() && m.group(g) != null ? m.group(g) : ""));
        }
        ref.appendTail(out);
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> m, String key) {
        Object v = m.get(key);
        assertTrue(v instanceof Map, key + " is a map in " + m);
        return (Map<String, Object>) v;
    }
}
