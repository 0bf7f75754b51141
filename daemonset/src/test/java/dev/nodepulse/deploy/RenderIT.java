package dev.nodepulse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed renders are what `kubectl kustomize` makes of the kustomizations today. Without kubectl this
 * freshness check skips; every other test reads the committed renders and so still runs.
 */
class RenderIT {

    static List<Kustomizations.Target> targets() {
        return Kustomizations.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void committedRenderIsCurrent(Kustomizations.Target target) throws Exception {
        Optional<Path> kubectl = Kustomizations.kubectl();
        assumeTrue(kubectl.isPresent(), "kubectl is not installed: renders not re-checked (the other tests use the committed ones)");
        String fresh = Kustomizations.render(kubectl.get(), target.dir());
        assertTrue(Files.isRegularFile(target.rendered()), "missing " + target.rendered() + ": run daemonset/render.sh");
        String committed = Files.readString(target.rendered(), StandardCharsets.UTF_8);
        assertEquals(committed, fresh, target.rendered() + " is stale: run daemonset/render.sh and commit the result");
    }

    @Test
    void everyRenderBelongsToAKustomization() throws Exception {
        Set<String> expected = targets().stream().map(t -> t.name() + ".yaml").collect(Collectors.toCollection(TreeSet::new));
        Set<String> present;
        try (Stream<Path> s = Files.list(Repo.daemonset().resolve("rendered"))) {
            present = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(expected, present, "daemonset/rendered/ holds one render per kustomization (base + overlays)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void everyContainerRunsTheImageOfThisVersion(Kustomizations.Target target) {
        String version = System.getProperty("nodepulse.version");
        assertTrue(version != null && !version.isEmpty(), "failsafe passes nodepulse.version");
        Manifest m = target.manifest();
        List<io.kubernetes.client.openapi.models.V1PodTemplateSpec> templates = new java.util.ArrayList<>();
        m.all(io.kubernetes.client.openapi.models.V1DaemonSet.class).forEach(d -> templates.add(d.getSpec().getTemplate()));
        m.all(io.kubernetes.client.openapi.models.V1Deployment.class).forEach(d -> templates.add(d.getSpec().getTemplate()));
        assertFalse(templates.isEmpty());
        for (var t : templates) {
            for (var c : t.getSpec().getContainers()) {
                assertEquals("nodepulse:" + version, c.getImage(), target.name() + ": container " + c.getName()
                        + " (docs/deploy.md's sed and the Dockerfile's tag expect the project version)");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void everyObjectParsesWithTheClientModels(Kustomizations.Target target) {
        Manifest m = target.manifest();
        assertFalse(m.docs().isEmpty());
        for (Manifest.Doc d : m.docs()) {
            boolean modelled = d.model() != null;
            boolean knownCustom = Set.of("ServiceMonitor").contains(d.kind());
            assertTrue(modelled || knownCustom, target.name() + ": " + d.apiVersion() + " " + d.kind()
                    + " has no Kubernetes client model and is not a known custom resource");
        }
    }
}
