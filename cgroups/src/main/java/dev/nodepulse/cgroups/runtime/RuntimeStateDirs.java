package dev.nodepulse.cgroups.runtime;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the runtimes keep per-container state, as host paths (resolved under --path.rootfs). The defaults
 * cover containerd (and k3s' embedded containerd), CRI-O's runroot and root, and Docker.
 */
public record RuntimeStateDirs(List<String> containerd, List<String> crio, List<String> docker) {

    public static final RuntimeStateDirs DEFAULTS = new RuntimeStateDirs(
            List.of("/run/containerd/io.containerd.runtime.v2.task/k8s.io",
                    "/run/k3s/containerd/io.containerd.runtime.v2.task/k8s.io"),
            List.of("/run/containers/storage/overlay-containers", "/var/lib/containers/storage/overlay-containers"),
            List.of("/var/lib/docker/containers"));

    public RuntimeStateDirs {
        containerd = List.copyOf(containerd);
        crio = List.copyOf(crio);
        docker = List.copyOf(docker);
    }

    static Path under(Path rootfs, String hostPath) {
        String rel = hostPath.startsWith("/") ? hostPath.substring(1) : hostPath;
        return rel.isEmpty() ? rootfs : rootfs.resolve(rel);
    }
}
