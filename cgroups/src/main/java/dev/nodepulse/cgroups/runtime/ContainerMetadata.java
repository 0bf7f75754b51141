package dev.nodepulse.cgroups.runtime;

/**
 * What the runtime's state on disk says about one container: its Kubernetes identity and image.
 *
 * @param alias          the kubelet's {@code name} label: the container ID under containerd, the runtime's
 *                       container name ({@code k8s_<container>_<pod>_<ns>_<uid>_<attempt>}) under CRI-O and Docker
 * @param containerName  the Kubernetes container name; "POD" for CRI-O/Docker infra containers, "" for
 *                       containerd sandboxes (which carry no container name)
 * @param sandbox        whether this is the pod's sandbox ("pause"/infra) container
 * @param createdMillis  creation time the runtime recorded, 0 when it records none
 */
public record ContainerMetadata(String id, RuntimeKind runtime, boolean sandbox, String alias, String containerName,
                                String image, String podName, String podNamespace, String podUid,
                                long createdMillis) {}
