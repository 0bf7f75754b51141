package dev.nodepulse.cgroups.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery on a directory tree: leaf container cgroups are not listed (their link count says they have no
 * subdirectories), so sub-cgroups of containers and pods must still be found through the link counts.
 */
class CgroupDiscoveryTest {

    @TempDir
    Path root;

    private void mkdir(String rel) throws Exception {
        Path d = Files.createDirectories(root.resolve(rel));
        Files.writeString(d.resolve("cgroup.procs"), "");
        Files.writeString(d.resolve("cpu.stat"), "usage_usec 0\n");
        // A file whose name passes the control-file filter must not be taken for a cgroup.
        Files.writeString(d.resolve("irq.pressure"), "");
    }

    @Test
    void findsLeavesAndNestedCgroupsInOrder() throws Exception {
        String pod = "kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod11111111_2222_3333_4444_555555555555.slice";
        String c1 = pod + "/cri-containerd-" + "a".repeat(64) + ".scope";
        String c2 = pod + "/cri-containerd-" + "b".repeat(64) + ".scope";
        mkdir(c1 + "/nested/deeper");
        mkdir(c2);
        mkdir(pod + "/odd");
        mkdir("kubepods.slice/not-a-pod/child");
        mkdir("system.slice/kubelet.service/sub");

        List<String> ids = new CgroupDiscovery(root, "/", List.of("/system.slice/kubelet.service")).discover().stream()
                .map(d -> d.kind() + " " + d.id()).toList();
        assertEquals(List.of(
                "ROOT /",
                "KUBEPODS /kubepods.slice",
                "KUBEPODS /kubepods.slice/kubepods-burstable.slice",
                "POD /" + pod,
                "CONTAINER /" + c1,
                "RAW /" + c1 + "/nested",
                "RAW /" + c1 + "/nested/deeper",
                "CONTAINER /" + c2,
                "RAW /" + pod + "/odd",
                "RAW /kubepods.slice/not-a-pod",
                "RAW /kubepods.slice/not-a-pod/child",
                "RAW /system.slice/kubelet.service",
                "RAW /system.slice/kubelet.service/sub"), ids);
    }
}
