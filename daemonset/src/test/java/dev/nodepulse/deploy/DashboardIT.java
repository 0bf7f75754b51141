package dev.nodepulse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard reads only metrics the agent serves: every metric name in its queries is a family in the
 * agent's own output, scraped here from the built agent started with the base DaemonSet's args, or a family of
 * the agent's /metrics/cadvisor fixture trees (agent/src/test/resources/cadvisor/TREE/expected.prom, which the
 * agent's CadvisorFixtureTest matches family by family): container families need pods, and PSI needs cgroup v2,
 * which this host may not have. Likewise node families this host lacks may come from node_exporter's own
 * end-to-end fixture output in the shared conformance kit, which the agent's ConformanceIT holds it to.
 */
class DashboardIT {

    static final Path DASHBOARD = Repo.daemonset().resolve("dashboards/nodepulse.json");
    static final Pattern FAMILY = Pattern.compile("^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) ", Pattern.MULTILINE);
    static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]", Pattern.MULTILINE);

    static JsonObject dashboard;

    @BeforeAll
    static void read() throws Exception {
        dashboard = JsonParser.parseString(Files.readString(DASHBOARD, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    /** Every query of the dashboard (panel targets and template variables), by where it is. */
    static Map<String, String> queries() {
        Map<String, String> out = new TreeMap<>();
        for (JsonElement p : dashboard.getAsJsonArray("panels")) {
            JsonObject panel = p.getAsJsonObject();
            JsonArray targets = panel.getAsJsonArray("targets");
            for (int i = 0; targets != null && i < targets.size(); i++) {
                out.put("panel '" + panel.get("title").getAsString() + "' " + i, targets.get(i).getAsJsonObject().get("expr").getAsString());
            }
        }
        for (JsonElement v : dashboard.getAsJsonObject("templating").getAsJsonArray("list")) {
            JsonObject var = v.getAsJsonObject();
            if (var.get("type").getAsString().equals("query")) {
                out.put("variable $" + var.get("name").getAsString(), var.getAsJsonObject("query").get("query").getAsString());
            }
        }
        return out;
    }

    @Test
    void everyQueriedMetricIsServedByTheAgent() throws Exception {
        Set<String> wanted = new TreeSet<>();
        queries().values().forEach(q -> wanted.addAll(PromQl.metricNames(q)));
        assertFalse(wanted.isEmpty());

        DockerfileModel dockerfile = DockerfileModel.read(Repo.root().resolve("Dockerfile"));
        Optional<Path> jdk = Launcher.localJdk(dockerfile.jdkRelease());
        assumeTrue(jdk.isPresent(), "no JDK " + dockerfile.jdkRelease() + " here to run the image's launcher with");
        Manifest base = Kustomizations.base().manifest();
        List<String> args = AgentLiveIT.hostArgs(base);
        Set<String> served = new TreeSet<>();
        Path tmp = Files.createTempDirectory("nodepulse-tmp");
        try (RunningAgent agent = RunningAgent.start(Launcher.of(dockerfile, ImagePaths.AGENT_LAUNCHER, jdk.get()), args, tmp)) {
            for (String path : List.of("/metrics", "/metrics/cadvisor")) {
                RunningAgent.Response r = agent.get(path);
                if (r.status() == 200) {
                    Matcher m = FAMILY.matcher(r.body());
                    while (m.find()) {
                        served.add(m.group(1));
                    }
                }
            }
        } finally {
            DockerfileIT.deleteTree(tmp);
        }
        Set<String> fromFixtures = new TreeSet<>();
        Path trees = Repo.root().resolve("agent/src/test/resources/cadvisor");
        if (Files.isDirectory(trees)) {
            try (var dirs = Files.list(trees)) {
                for (Path tree : dirs.toList()) {
                    Path expected = tree.resolve("expected.prom");
                    if (Files.isRegularFile(expected)) {
                        Matcher m = SAMPLE.matcher(Files.readString(expected));
                        while (m.find()) {
                            fromFixtures.add(m.group(1));
                        }
                    }
                }
            }
        }
        Path shared = Repo.shared() == null ? null : Repo.shared().resolve("conformance/node-exporter/fixtures/e2e-output.txt");
        if (shared != null && Files.isRegularFile(shared)) {
            Matcher m = FAMILY.matcher(Files.readString(shared));
            while (m.find()) {
                fromFixtures.add(m.group(1));
            }
        }
        fromFixtures.removeAll(served);
        Set<String> queriedFromFixtures = new TreeSet<>(wanted);
        queriedFromFixtures.retainAll(fromFixtures);
        System.out.println("[dashboard] queried families this host does not serve, found in the fixtures: " + queriedFromFixtures);
        served.addAll(fromFixtures);
        Set<String> missing = new TreeSet<>(wanted);
        missing.removeAll(served.stream().flatMap(f -> Set.of(f, f + "_total").stream()).toList());
        System.out.println("[dashboard] metrics queried: " + wanted);
        assertEquals(Set.of(), missing, "queried by the dashboard but not served by the agent on this host");
    }

    @Test
    void coversNodeAndPodResources() {
        List<String> titles = new ArrayList<>();
        for (JsonElement p : dashboard.getAsJsonArray("panels")) {
            titles.add(p.getAsJsonObject().get("title").getAsString().toLowerCase(Locale.ROOT));
        }
        for (String topic : List.of("cpu", "memory", "network", "filesystem", "pressure")) {
            assertTrue(titles.stream().anyMatch(t -> t.contains(topic) && !t.startsWith("pod")), "a node panel on " + topic + ": " + titles);
            if (titles.contains("pods")) {
                assertTrue(titles.stream().anyMatch(t -> t.startsWith("pod ") && t.contains(topic)), "a pod panel on " + topic + ": " + titles);
            }
        }
        for (JsonElement p : dashboard.getAsJsonArray("panels")) {
            JsonObject panel = p.getAsJsonObject();
            if (panel.has("datasource")) {
                assertEquals("${datasource}", panel.getAsJsonObject("datasource").get("uid").getAsString(),
                        "panels use the $datasource variable, not a fixed data source");
            }
        }
    }

    @Test
    void shippedAsTheSidecarConfigMap() throws Exception {
        Manifest m = Kustomizations.overlay("prometheus-operator").manifest();
        V1ConfigMap cm = m.one(V1ConfigMap.class, "nodepulse-grafana-dashboard");
        assertEquals("1", cm.getMetadata().getLabels().get("grafana_dashboard"));
        assertTrue(JsonParser.parseString(Files.readString(DASHBOARD)).equals(JsonParser.parseString(cm.getData().get("nodepulse.json"))),
                "the ConfigMap carries dashboards/nodepulse.json as it is (stale render? run daemonset/render.sh)");
    }
}
