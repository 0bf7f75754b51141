package dev.nodepulse.cgroups.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.ParseException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeParsersTest {

    static final String ID = "c0ffee0000000000000000000000000000000000000000000000000000000001";

    @Test
    void containerdContainerAndSandbox() throws Exception {
        ContainerMetadata c = ContainerdBundleParser.parse(ID, "{\"ociVersion\":\"1.1.0\",\"annotations\":{"
                + "\"io.kubernetes.cri.container-type\":\"container\",\"io.kubernetes.cri.container-name\":\"nginx\","
                + "\"io.kubernetes.cri.image-name\":\"docker.io/library/nginx:1.27\","
                + "\"io.kubernetes.cri.sandbox-name\":\"web\",\"io.kubernetes.cri.sandbox-namespace\":\"default\","
                + "\"io.kubernetes.cri.sandbox-uid\":\"u-1\"}}");
        assertEquals(new ContainerMetadata(ID, RuntimeKind.CONTAINERD, false, ID, "nginx", "docker.io/library/nginx:1.27",
                "web", "default", "u-1", 0), c);
        ContainerMetadata s = ContainerdBundleParser.parse(ID, "{\"annotations\":{"
                + "\"io.kubernetes.cri.container-type\":\"sandbox\",\"io.kubernetes.cri.sandbox-name\":\"web\","
                + "\"io.kubernetes.cri.podsandbox.image-name\":\"registry.k8s.io/pause:3.10\"}}");
        assertEquals("", s.containerName());
        assertEquals("registry.k8s.io/pause:3.10", s.image());
        // Not a CRI container (e.g. one started with ctr): no identity.
        assertNull(ContainerdBundleParser.parse(ID, "{\"annotations\":{}}"));
        assertNull(ContainerdBundleParser.parse(ID, "{}"));
    }

    @Test
    void crioInfraContainerIsPOD() throws Exception {
        ContainerMetadata m = CrioConfigParser.parse(ID, "{\"annotations\":{"
                + "\"io.kubernetes.cri-o.ContainerType\":\"sandbox\",\"io.kubernetes.cri-o.Name\":\"k8s_POD_web_default_u-1_0\","
                + "\"io.kubernetes.cri-o.ImageName\":\"registry.k8s.io/pause:3.10\",\"io.kubernetes.cri-o.Created\":"
                + "\"2026-03-01T10:00:00.123456789Z\",\"io.kubernetes.cri-o.Labels\":"
                + "\"{\\\"io.kubernetes.container.name\\\":\\\"POD\\\",\\\"io.kubernetes.pod.name\\\":\\\"web\\\"}\","
                + "\"io.kubernetes.pod.namespace\":\"default\",\"io.kubernetes.pod.uid\":\"u-1\"}}");
        assertEquals(new ContainerMetadata(ID, RuntimeKind.CRIO, true, "k8s_POD_web_default_u-1_0", "POD",
                "registry.k8s.io/pause:3.10", "web", "default", "u-1", 1772359200123L), m);
    }

    @Test
    void dockerConfigV2() throws Exception {
        ContainerMetadata m = DockerConfigParser.parse(ID, "{\"ID\":\"" + ID + "\",\"Created\":\"2026-03-01T10:00:00.5Z\","
                + "\"Name\":\"/k8s_app_web_default_u-1_1\",\"Config\":{\"Image\":\"app:2\",\"Labels\":{"
                + "\"io.kubernetes.container.name\":\"app\",\"io.kubernetes.pod.name\":\"web\","
                + "\"io.kubernetes.pod.namespace\":\"default\",\"io.kubernetes.pod.uid\":\"u-1\"}}}");
        assertEquals(new ContainerMetadata(ID, RuntimeKind.DOCKER, false, "k8s_app_web_default_u-1_1", "app", "app:2",
                "web", "default", "u-1", 1772359200500L), m);
    }

    @Test
    void malformedStateIsAParseError() {
        assertThrows(ParseException.class, () -> ContainerdBundleParser.parse(ID, "{\"annotations\":"));
        assertThrows(ParseException.class, () -> DockerConfigParser.parse(ID, "{\"Config\":{}} x"));
        // CRI-O's labels are JSON inside a JSON string: a broken inner document is an error too.
        assertThrows(ParseException.class, () -> CrioConfigParser.parse(ID,
                "{\"annotations\":{\"io.kubernetes.cri-o.ContainerType\":\"container\","
                        + "\"io.kubernetes.cri-o.Labels\":\"{\\\"a\\\":\"}}"));
    }

    @Test
    void resolverNeverFailsOnBadState(@TempDir Path rootfs) throws Exception {
        Path bundle = rootfs.resolve("run/containerd/io.containerd.runtime.v2.task/k8s.io").resolve(ID);
        Files.createDirectories(bundle);
        Files.writeString(bundle.resolve("config.json"), "{not json");
        java.util.List<String> told = new java.util.ArrayList<>();
        MetadataResolver r = new MetadataResolver(rootfs, RuntimeStateDirs.DEFAULTS, (id, why) -> told.add(id + " " + why));
        assertNull(r.resolve(ID, RuntimeKind.CONTAINERD));
        assertNull(r.resolve("f".repeat(64), null));
        // A miss is asked again after retain; a file still malformed is counted and told once per container.
        r.retain(java.util.List.of(ID));
        assertNull(r.resolve(ID, RuntimeKind.CONTAINERD));
        assertEquals(1, r.malformedTotal());
        assertEquals(1, told.size());
        assertTrue(told.get(0).startsWith(ID + " " + bundle.resolve("config.json")), told.get(0));
        // The bundle appears later (container seen before its bundle was written): found on a later walk.
        Files.writeString(bundle.resolve("config.json"), "{\"annotations\":{\"io.kubernetes.cri.container-type\":"
                + "\"container\",\"io.kubernetes.cri.container-name\":\"x\"}}");
        r.retain(java.util.List.of(ID));
        assertEquals("x", r.resolve(ID, RuntimeKind.CONTAINERD).containerName());
    }
}
