package dev.nodepulse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What can be checked of the Dockerfile without a Docker engine: the files it copies exist after `mvn package`,
 * its launchers start the jars with their JVM flags on a JDK of the image's release, and the jlinked runtime has
 * every module the jars use (and runs the agent, where this machine has a JDK of that release).
 */
class DockerfileIT {

    static DockerfileModel dockerfile;

    @BeforeAll
    static void read() throws Exception {
        dockerfile = DockerfileModel.read(Repo.root().resolve("Dockerfile"));
    }

    @Test
    void copiedFilesExistAfterPackage() {
        List<String> checked = new ArrayList<>();
        for (DockerfileModel.Copy c : dockerfile.copies()) {
            if (c.heredoc() != null) {
                continue;
            }
            if (c.from() == null) {
                for (String src : c.sources()) {
                    assertTrue(Files.exists(Repo.root().resolve(src)), "COPY " + src + ": not in the build context");
                    checked.add(src);
                }
            } else if (c.from().equals("build")) {
                for (String src : c.sources()) {
                    String inRepo = Launcher.relativeToBuildStage(dockerfile, src);
                    assertTrue(Files.isRegularFile(Repo.root().resolve(inRepo)), "COPY --from=build " + src
                            + ": " + inRepo + " does not exist after mvn package");
                    checked.add(inRepo);
                }
            } else {
                dockerfile.stage(c.from()); // a stage of this Dockerfile, not an outside image
            }
        }
        assertTrue(checked.containsAll(List.of("agent/target/nodepulse-agent.jar", "aggregator/target/nodepulse-aggregator.jar")),
                "the image takes both jars: " + checked);
    }

    @Test
    void buildContextKeepsSourcesAndDropsBuildOutput() throws Exception {
        List<String> ignore = Files.readAllLines(Repo.root().resolve(".dockerignore")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertTrue(ignore.contains("**/target"), "target/ dirs of a local build stay out of the image build");
        for (String kept : List.of("pom.xml", "agent", "procfs", "kubelet-proxy", "cgroups", "aggregator", "daemonset")) {
            assertFalse(ignore.contains(kept), ".dockerignore drops " + kept + ", which `mvn package` needs");
        }
    }

    @Test
    void runsAsANonRootUserUnlessAPodSaysOtherwise() {
        String user = dockerfile.user();
        assertFalse(user.isEmpty(), "USER is set");
        String uid = user.split(":")[0];
        assertTrue(uid.matches("\\d+") && Integer.parseInt(uid) != 0,
                "numeric non-root USER, so runAsNonRoot can verify it: " + user);
    }

    @Test
    void entrypointIsTheAgentLauncher() {
        assertEquals(List.of(ImagePaths.AGENT_LAUNCHER), dockerfile.entrypoint());
        String launcher = dockerfile.heredocAt(ImagePaths.AGENT_LAUNCHER);
        assertTrue(launcher.startsWith("#!/bin/sh\n"), "a POSIX sh script");
        assertTrue(launcher.contains("exec "), "exec, so the JVM is PID 1's process and gets the signals");
        assertTrue(launcher.contains("\"$@\""), "passes the container args through");
    }

    @Test
    void aggregatorLauncherSizesTheHeapFromTheLimit() throws Exception {
        String launcher = dockerfile.heredocAt(ImagePaths.AGGREGATOR_LAUNCHER);
        assertTrue(launcher.startsWith("#!/bin/sh\n") && launcher.contains("exec ") && launcher.contains("\"$@\""), launcher);
        assertTrue(launcher.contains("nodepulse-aggregator.jar"));
        Optional<Path> jdk = Launcher.localJdk(dockerfile.jdkRelease());
        assumeTrue(jdk.isPresent(), "no JDK " + dockerfile.jdkRelease() + " on this machine to run the launcher's JVM flags with");
        JarCli.Run r = Launcher.of(dockerfile, ImagePaths.AGGREGATOR_LAUNCHER, jdk.get())
                .run(List.of("--version"), Map.of("JAVA_OPTS", "-XX:+PrintCommandLineFlags"));
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("nodepulse-aggregator, version"), r.output());
        assertTrue(r.output().contains("-XX:MaxRAMPercentage=50") && r.output().contains("-XX:+UseSerialGC"), r.output());
    }

    @Test
    void launcherStartsTheJarWithItsJvmFlags() throws Exception {
        Optional<Path> jdk = Launcher.localJdk(dockerfile.jdkRelease());
        assumeTrue(jdk.isPresent(), "no JDK " + dockerfile.jdkRelease() + " on this machine to run the launcher's JVM flags with");
        Launcher launcher = Launcher.of(dockerfile, ImagePaths.AGENT_LAUNCHER, jdk.get());
        JarCli.Run r = launcher.run(List.of("--version"), Map.of("JAVA_OPTS", "-XX:+PrintCommandLineFlags"));
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("nodepulse-agent, version"), r.output());
        JvmBudget budget = JvmBudget.of(JvmBudget.optionsIn(dockerfile.heredocAt(ImagePaths.AGENT_LAUNCHER)));
        assertTrue(r.output().contains("-XX:MaxHeapSize=" + budget.heap()), "heap cap in effect:\n" + r.output());
        assertTrue(r.output().contains("-XX:+UseSerialGC"), "Serial GC in effect:\n" + r.output());
    }

    @Test
    void jlinkModulesCoverWhatTheJarsUse() throws Exception {
        Set<String> needed = new TreeSet<>();
        for (String jar : imageJars()) {
            needed.addAll(jdepsModules(Repo.built(jar)));
            needed.addAll(nestedJdepsModules(Repo.built(jar)));
        }
        Set<String> linked = new TreeSet<>(dockerfile.jlinkModules());
        Set<String> missing = new TreeSet<>(needed);
        missing.removeAll(linked);
        assertTrue(missing.isEmpty(), "jlink --add-modules lacks " + missing + " (jdeps finds " + needed + ")");
        System.out.println("[dockerfile] jdeps: " + needed + "; jlink: " + linked);
    }

    @Test
    void jlinkedRuntimeRunsBothPrograms() throws Exception {
        Optional<Path> jdk = Launcher.localJdk(dockerfile.jdkRelease());
        assumeTrue(jdk.isPresent() && Files.isExecutable(jdk.get().resolve("bin/jlink")),
                "no JDK " + dockerfile.jdkRelease() + " with jlink on this machine");
        Path runtime = Files.createTempDirectory("nodepulse-jre").resolve("java");
        try {
            List<String> cmd = new ArrayList<>(List.of(jdk.get().resolve("bin/jlink").toString(),
                    "--add-modules", String.join(",", dockerfile.jlinkModules()),
                    "--strip-debug", "--no-man-pages", "--no-header-files", "--output", runtime.toString()));
            JarCli.Run link = JarCli.exec(cmd, Map.of());
            assertEquals(0, link.exitCode(), "jlink: " + link.output());
            Launcher launcher = Launcher.of(dockerfile, ImagePaths.AGENT_LAUNCHER, runtime);
            Path tmp = runtime.getParent();
            try (RunningAgent agent = RunningAgent.start(launcher, hostArgs(), Files.createDirectories(tmp.resolve("jna")));
                    RunningAggregator agg = RunningAggregator.start(Launcher.of(dockerfile, ImagePaths.AGGREGATOR_LAUNCHER, runtime),
                            List.of(), Files.createDirectories(tmp.resolve("certs")), List.of("n1=" + agent.baseUrl()), Map.of())) {
                assertEquals(200, agent.get("/healthz").status());
                RunningAgent.Response metrics = agent.get("/metrics");
                assertEquals(200, metrics.status());
                assertTrue(metrics.body().contains("node_filesystem_size_bytes"),
                        "the filesystem collector (JNA statfs, unpacked into -Djna.tmpdir) works on the jlinked runtime");
                assertTrue(metrics.body().contains("node_scrape_collector_success{collector=\"cpu\"} 1"), "collectors run");
                assertEquals(200, agent.get("/metrics/cadvisor").status(), "container metrics on the jlinked runtime");
                assertEquals(200, agg.get("/livez").status(), "the aggregator serves HTTPS on the jlinked runtime");
                assertEquals(200, agg.get("/apis/metrics.k8s.io/v1beta1").status());
            }
        } finally {
            deleteTree(runtime.getParent());
        }
    }

    /** The base DaemonSet's agent args as they would run on this host (container paths mapped to the host). */
    static List<String> hostArgs() {
        return AgentLiveIT.hostArgs(Kustomizations.base().manifest());
    }

    static List<String> imageJars() {
        List<String> jars = new ArrayList<>();
        for (DockerfileModel.Copy c : dockerfile.copies()) {
            if ("build".equals(c.from())) {
                c.sources().stream().filter(s -> s.endsWith(".jar"))
                        .forEach(s -> jars.add(Launcher.relativeToBuildStage(dockerfile, s)));
            }
        }
        return jars;
    }

    /** The modules of the jars a jar carries nested (the agent's Kubernetes client, META-INF/kube-lib/). */
    static List<String> nestedJdepsModules(Path outer) throws java.io.IOException {
        List<String> modules = new ArrayList<>();
        try (var in = new java.util.jar.JarFile(outer.toFile())) {
            for (var e : java.util.Collections.list(in.entries())) {
                if (!e.getName().startsWith("META-INF/") || !e.getName().endsWith(".jar")) {
                    continue;
                }
                Path nested = Files.createTempFile("nested", ".jar");
                try {
                    try (var is = in.getInputStream(e)) {
                        Files.copy(is, nested, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                    modules.addAll(jdepsModules(nested));
                } finally {
                    Files.deleteIfExists(nested);
                }
            }
        }
        return modules;
    }

    /**
     * The JDK modules the classes in a jar use. A module-info.class anywhere in a shaded jar (dependencies ship
     * them under META-INF/versions/N/) would make jdeps read the whole jar as that one module, so the shade
     * filters drop them and this fails if one comes back (on the class path, where -jar puts the jar, the JVM
     * ignores them anyway).
     */
    static List<String> jdepsModules(Path shaded) throws java.io.IOException {
        try (var jar = new java.util.jar.JarFile(shaded.toFile())) {
            List<String> moduleInfos = java.util.Collections.list(jar.entries()).stream().map(java.util.zip.ZipEntry::getName)
                    .filter(n -> n.endsWith("module-info.class")).toList();
            assertEquals(List.of(), moduleInfos, shaded.getFileName() + ": the shade filters must drop module descriptors");
        }
        return jdeps(shaded);
    }

    private static List<String> jdeps(Path jar) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("no jdeps in this JDK"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = jdeps.run(new PrintWriter(out), new PrintWriter(err), "--multi-release", "17", "--ignore-missing-deps",
                "--print-module-deps", jar.toString());
        assertEquals(0, rc, "jdeps " + jar + ": " + err);
        String last = out.toString().strip().lines().reduce((a, b) -> b).orElse("");
        return List.of(last.split(","));
    }

    static void deleteTree(Path dir) throws java.io.IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
