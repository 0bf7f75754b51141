package dev.nodepulse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1DaemonSet;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1Toleration;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The agent DaemonSet of the base and of every overlay, held against the built agent jar and the Dockerfile. */
class AgentManifestIT {

    static final String DAEMONSET = "nodepulse-agent";
    static final String CONTAINER = "agent";
    static final int PORT = 9100;

    /**
     * Capabilities the agent may add back after dropping ALL, and why (docs/deploy.md, "Privileges"). Anything
     * else added to the container fails this test until it is argued for here and in the docs.
     */
    static final Map<String, String> ALLOWED_CAPABILITIES = Map.of(
            "DAC_READ_SEARCH", "list /proc/<pid>/fd of other users' processes (container_file_descriptors) and "
                    + "traverse directories of other owners to statfs mounts below them");

    static JarCli agent;
    static Map<String, JarCli.FlagInfo> agentFlags;
    private static DockerfileModel dockerfile;

    /** The root Dockerfile, read once (also for other test classes that use the helpers below). */
    static synchronized DockerfileModel dockerfile() {
        if (dockerfile == null) {
            try {
                dockerfile = DockerfileModel.read(Repo.root().resolve("Dockerfile"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return dockerfile;
    }

    @BeforeAll
    static void jar() throws Exception {
        agent = JarCli.of(Repo.agentJar());
        agentFlags = agent.flags();
    }

    static List<Kustomizations.Target> targets() {
        return Kustomizations.all();
    }

    static V1DaemonSet daemonSet(Manifest m) {
        return m.one(V1DaemonSet.class, DAEMONSET);
    }

    static V1PodSpec podSpec(Manifest m) {
        return daemonSet(m).getSpec().getTemplate().getSpec();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void hostNetworkPort9100EveryNodeCritical(Kustomizations.Target target) {
        Manifest m = target.manifest();
        V1PodSpec spec = podSpec(m);
        V1Container c = PodSpecs.container(spec, CONTAINER);
        assertEquals(Boolean.TRUE, spec.getHostNetwork(), "hostNetwork");
        assertEquals(Boolean.TRUE, spec.getHostPID(), "hostPID");
        assertEquals("system-node-critical", spec.getPriorityClassName());
        assertEquals("ClusterFirstWithHostNet", spec.getDnsPolicy(), "hostNetwork pods need it to resolve cluster names");

        List<Integer> ports = c.getPorts().stream().map(V1ContainerPort::getContainerPort).toList();
        assertEquals(List.of(PORT), ports, "container ports");
        assertEquals(PORT, c.getPorts().get(0).getHostPort(), "hostPort (with hostNetwork it must equal the container port)");
        assertEquals(PORT, listenPort(PodSpecs.expandedArgs(c)), "the port --web.listen-address makes the agent listen on");

        boolean toleratesAll = spec.getTolerations() != null && spec.getTolerations().stream().anyMatch(
                (V1Toleration t) -> "Exists".equals(t.getOperator()) && t.getKey() == null && t.getEffect() == null);
        assertTrue(toleratesAll, "a toleration {operator: Exists} without key or effect tolerates every taint");

        V1EnvVar nodeName = c.getEnv().stream().filter(e -> e.getName().equals("NODE_NAME")).findFirst()
                .orElseThrow(() -> new AssertionError("no NODE_NAME env"));
        assertNotNull(nodeName.getValueFrom(), "NODE_NAME from the downward API");
        assertEquals("spec.nodeName", nodeName.getValueFrom().getFieldRef().getFieldPath());

        assertEquals(m.one(io.kubernetes.client.openapi.models.V1ServiceAccount.class, spec.getServiceAccountName())
                .getMetadata().getNamespace(), daemonSet(m).getMetadata().getNamespace(), "service account in the pod's namespace");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void headlessServiceReachesPort9100(Kustomizations.Target target) {
        Manifest m = target.manifest();
        V1DaemonSet ds = daemonSet(m);
        V1Service svc = m.one(V1Service.class, DAEMONSET);
        assertEquals("None", svc.getSpec().getClusterIP(), "headless");
        Map<String, String> podLabels = ds.getSpec().getTemplate().getMetadata().getLabels();
        svc.getSpec().getSelector().forEach((k, v) -> assertEquals(v, podLabels.get(k), "Service selector " + k));
        V1Container c = PodSpecs.container(podSpec(m), CONTAINER);
        for (V1ServicePort p : svc.getSpec().getPorts()) {
            assertEquals(PORT, p.getPort());
            assertEquals(PORT, PodSpecs.port(c, p.getTargetPort()), "Service targetPort " + p.getTargetPort());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void everyArgumentIsAFlagTheJarAccepts(Kustomizations.Target target) throws Exception {
        V1Container c = PodSpecs.container(podSpec(target.manifest()), CONTAINER);
        assertTrue(c.getCommand() == null || c.getCommand().isEmpty(),
                "the image's entrypoint (launcher with the JVM flags) runs the agent; command would bypass it");
        List<String> args = PodSpecs.expandedArgs(c);
        for (String a : args) {
            assertTrue(a.startsWith("--"), "argument is not a flag: " + a);
            String name = a.substring(2).split("=", 2)[0];
            String positive = name.startsWith("no-") ? name.substring(3) : name;
            assertTrue(agentFlags.containsKey(name) || agentFlags.containsKey(positive),
                    target.name() + ": --" + name + " is not in the agent's --help");
        }
        agent.assertAccepts(target.name(), args);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void pathFlagsReadTheHostThroughReadOnlyMounts(Kustomizations.Target target) {
        V1PodSpec spec = podSpec(target.manifest());
        V1Container c = PodSpecs.container(spec, CONTAINER);
        List<String> args = PodSpecs.expandedArgs(c);
        List<String> checked = new ArrayList<>();
        for (JarCli.FlagInfo f : agentFlags.values()) {
            if (!f.name().startsWith("path.")) {
                continue;
            }
            String value = PodSpecs.flag(args, f.name()).orElse(f.defaultValue());
            String hostDefault = f.defaultValue();
            if (value.isEmpty()) {
                if (!f.name().equals("path.cgroupfs")) {
                    continue; // a path flag without a default is off unless given
                }
                // documented default of --path.cgroupfs: <path.sysfs>/fs/cgroup
                value = PodSpecs.flag(args, "path.sysfs").orElse(agentFlags.get("path.sysfs").defaultValue()) + "/fs/cgroup";
                hostDefault = "/sys/fs/cgroup";
            }
            if (hostDefault.isEmpty()) {
                hostDefault = value;
            }
            String finalValue = value;
            Optional<String> host = PodSpecs.hostPathOf(spec, c, value);
            assertTrue(host.isPresent(), target.name() + ": --" + f.name() + "=" + value
                    + " is on no hostPath mount: the agent would read the container, not the node");
            assertEquals(hostDefault, host.get(), target.name() + ": --" + f.name() + "=" + finalValue
                    + " must reach the host's " + hostDefault);
            V1VolumeMount mount = PodSpecs.mountOf(c, value).orElseThrow();
            assertEquals(Boolean.TRUE, mount.getReadOnly(), "mount " + mount.getName() + " read-only");
            checked.add(f.name());
        }
        assertTrue(checked.containsAll(List.of("path.procfs", "path.sysfs", "path.rootfs")), "checked " + checked);
        for (V1VolumeMount mnt : c.getVolumeMounts()) {
            if (PodSpecs.volume(spec, mnt.getName()).getHostPath() != null) {
                assertEquals(Boolean.TRUE, mnt.getReadOnly(), "hostPath mount " + mnt.getName() + " read-only");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void leastPrivilege(Kustomizations.Target target) {
        V1PodSpec spec = podSpec(target.manifest());
        V1Container c = PodSpecs.container(spec, CONTAINER);
        V1SecurityContext sc = c.getSecurityContext();
        assertNotNull(sc, "container securityContext");
        assertEquals(Boolean.TRUE, sc.getReadOnlyRootFilesystem(), "readOnlyRootFilesystem");
        assertEquals(Boolean.FALSE, sc.getAllowPrivilegeEscalation(), "allowPrivilegeEscalation");
        assertFalse(Boolean.TRUE.equals(sc.getPrivileged()), "privileged");
        assertTrue(sc.getCapabilities().getDrop().contains("ALL"), "drop ALL capabilities");
        Set<String> added = new TreeSet<>(sc.getCapabilities().getAdd() == null ? List.of() : sc.getCapabilities().getAdd());
        for (String cap : added) {
            assertTrue(ALLOWED_CAPABILITIES.containsKey(cap), target.name() + ": capability " + cap + " is added without a reason");
        }
        String seccomp = sc.getSeccompProfile() != null ? sc.getSeccompProfile().getType()
                : spec.getSecurityContext() != null && spec.getSecurityContext().getSeccompProfile() != null
                        ? spec.getSecurityContext().getSeccompProfile().getType() : null;
        assertEquals("RuntimeDefault", seccomp, "seccomp profile");

        // Writable: only emptyDirs. JNA's tmpdir must be one of them (the launcher's -Djna.tmpdir).
        List<String> writable = new ArrayList<>();
        for (V1VolumeMount mnt : c.getVolumeMounts()) {
            if (!Boolean.TRUE.equals(mnt.getReadOnly())) {
                assertNotNull(PodSpecs.volume(spec, mnt.getName()).getEmptyDir(),
                        "writable mount " + mnt.getName() + " must be an emptyDir");
                writable.add(mnt.getMountPath());
            }
        }
        String jnaTmp = jnaTmpdir(c);
        assertTrue(writable.stream().anyMatch(w -> PodSpecs.under(jnaTmp, w)),
                "-Djna.tmpdir=" + jnaTmp + " must be on a writable emptyDir (root fs is read-only); writable: " + writable);
    }

    /**
     * With --web.kube-auth the agent unpacks the Kubernetes client it carries nested (META-INF/kube-lib) into
     * java.io.tmpdir at start: that must be a writable emptyDir with room for it, and not tmpfs, where the copy
     * would be charged to the container's memory.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void kubeAuthUnpacksTheClientOntoADiskBackedEmptyDir(Kustomizations.Target target) throws Exception {
        V1PodSpec spec = podSpec(target.manifest());
        V1Container c = PodSpecs.container(spec, CONTAINER);
        if (!PodSpecs.hasBoolFlag(PodSpecs.expandedArgs(c), "web.kube-auth")) {
            return; // nothing is unpacked
        }
        String tmpdir = javaTmpdir(c);
        V1VolumeMount mount = PodSpecs.mountOf(c, tmpdir).orElseThrow(
                () -> new AssertionError("java.io.tmpdir " + tmpdir + " is on the read-only root filesystem"));
        assertFalse(Boolean.TRUE.equals(mount.getReadOnly()), "java.io.tmpdir " + tmpdir + " is mounted read-only");
        var emptyDir = PodSpecs.volume(spec, mount.getName()).getEmptyDir();
        assertNotNull(emptyDir, "java.io.tmpdir " + tmpdir + " must be on an emptyDir");
        assertFalse("Memory".equals(emptyDir.getMedium()), "java.io.tmpdir " + tmpdir + " on tmpfs: the unpacked client "
                + "would count against the memory limit");
        long nested;
        try (var jar = new java.util.jar.JarFile(Repo.agentJar().toFile())) {
            nested = jar.getEntry("META-INF/kube-lib/nodepulse-kube-lib.jar").getSize();
        }
        assertNotNull(emptyDir.getSizeLimit(), "emptyDir " + mount.getName() + " without sizeLimit");
        assertTrue(emptyDir.getSizeLimit().getNumber().longValue() >= nested + (8L << 20), mount.getName()
                + " sizeLimit " + emptyDir.getSizeLimit() + " leaves no room for the unpacked client (" + (nested >> 20) + " MiB)");
    }

    /** The last -Djava.io.tmpdir of the launcher and JAVA_OPTS, else the JVM's default /tmp. */
    static String javaTmpdir(V1Container c) {
        String dir = "/tmp";
        for (String o : launcherJvmOptions(c)) {
            if (o.startsWith("-Djava.io.tmpdir=")) {
                dir = o.substring("-Djava.io.tmpdir=".length());
            }
        }
        return dir;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void probesOnHealthz(Kustomizations.Target target) {
        V1Container c = PodSpecs.container(podSpec(target.manifest()), CONTAINER);
        for (V1Probe p : new V1Probe[] {c.getLivenessProbe(), c.getReadinessProbe()}) {
            assertNotNull(p, "liveness and readiness probes");
            assertNotNull(p.getHttpGet(), "HTTP probe");
            assertEquals("/healthz", p.getHttpGet().getPath());
            assertEquals(PORT, PodSpecs.port(c, p.getHttpGet().getPort()));
            String scheme = p.getHttpGet().getScheme() == null ? "HTTP" : p.getHttpGet().getScheme();
            assertEquals(servesTls(PodSpecs.expandedArgs(c)) ? "HTTPS" : "HTTP", scheme, "probe scheme follows the agent's TLS");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void memoryLimitCoversTheJvmCaps(Kustomizations.Target target) {
        V1Container c = PodSpecs.container(podSpec(target.manifest()), CONTAINER);
        Map<String, Quantity> requests = c.getResources().getRequests();
        Map<String, Quantity> limits = c.getResources().getLimits();
        for (String r : List.of("cpu", "memory")) {
            assertNotNull(requests.get(r), "request " + r);
        }
        assertNotNull(limits.get("memory"), "memory limit");
        JvmBudget budget = JvmBudget.of(launcherJvmOptions(c));
        BigDecimal limit = limits.get("memory").getNumber();
        assertTrue(limit.compareTo(BigDecimal.valueOf(budget.bytes())) >= 0,
                target.name() + ": memory limit " + limit + " B is below what the JVM flags allow it to use: " + budget);
        assertTrue(requests.get("memory").getNumber().compareTo(limit) <= 0, "memory request <= limit");
    }

    /** The JVM flags the container runs with: the launcher's, then JAVA_OPTS from the container env (later wins). */
    static List<String> launcherJvmOptions(V1Container c) {
        return launcherJvmOptions(c, ImagePaths.AGENT_LAUNCHER);
    }

    static List<String> launcherJvmOptions(V1Container c, String launcher) {
        List<String> opts = new ArrayList<>(JvmBudget.optionsIn(dockerfile().heredocAt(launcher)));
        env(c, "JAVA_OPTS").ifPresent(v -> opts.addAll(List.of(v.trim().split("\\s+"))));
        return opts;
    }

    static String jnaTmpdir(V1Container c) {
        String launcher = dockerfile().heredocAt(ImagePaths.AGENT_LAUNCHER);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("-Djna\\.tmpdir=\"?\\$\\{NODEPULSE_TMPDIR:-([^}]+)}").matcher(launcher);
        if (!m.find()) {
            fail("the agent launcher sets no -Djna.tmpdir=${NODEPULSE_TMPDIR:-...}");
        }
        return env(c, "NODEPULSE_TMPDIR").orElse(m.group(1));
    }

    static Optional<String> env(V1Container c, String name) {
        return c.getEnv() == null ? Optional.empty()
                : c.getEnv().stream().filter(e -> e.getName().equals(name) && e.getValue() != null).map(V1EnvVar::getValue).findFirst();
    }

    static int listenPort(List<String> args) {
        String addr = PodSpecs.flag(args, "web.listen-address").orElse(agentFlags.get("web.listen-address").defaultValue());
        return Integer.parseInt(addr.substring(addr.lastIndexOf(':') + 1));
    }

    /** Whether the agent serves HTTPS with these flags (any TLS source, or kube auth, which implies it). */
    static boolean servesTls(List<String> args) {
        return PodSpecs.hasBoolFlag(args, "web.kube-auth") || PodSpecs.hasBoolFlag(args, "web.tls-self-signed")
                || PodSpecs.flag(args, "tls-cert-file").filter(s -> !s.isEmpty()).isPresent();
    }
}
