package dev.nodepulse.cgroups.runtime;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.Json;
import java.util.Map;

/**
 * A containerd OCI bundle's config.json ({@code <state>/io.containerd.runtime.v2.task/k8s.io/<id>/config.json}).
 * The CRI plugin writes the pod identity into the spec's annotations: {@code io.kubernetes.cri.container-type}
 * (sandbox or container), {@code sandbox-name/-namespace/-uid}, {@code container-name} and {@code image-name}
 * for containers, {@code podsandbox.image-name} for sandboxes (containerd 2.x).
 */
public final class ContainerdBundleParser {

    private ContainerdBundleParser() {}

    /** Null when the bundle is not a CRI (Kubernetes) container. */
    public static ContainerMetadata parse(String id, String configJson) throws ParseException {
        Map<String, Object> a = Json.object(Json.parse(configJson, "container " + id), "annotations");
        String type = Json.string(a, "io.kubernetes.cri.container-type");
        if (type == null) {
            return null;
        }
        boolean sandbox = type.equals("sandbox");
        String image = sandbox ? Json.string(a, "io.kubernetes.cri.podsandbox.image-name")
                : Json.string(a, "io.kubernetes.cri.image-name");
        return new ContainerMetadata(id, RuntimeKind.CONTAINERD, sandbox, id,
                sandbox ? "" : orEmpty(Json.string(a, "io.kubernetes.cri.container-name")), orEmpty(image),
                orEmpty(Json.string(a, "io.kubernetes.cri.sandbox-name")),
                orEmpty(Json.string(a, "io.kubernetes.cri.sandbox-namespace")),
                orEmpty(Json.string(a, "io.kubernetes.cri.sandbox-uid")), 0);
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
