package dev.nodepulse.cgroups.runtime;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.Json;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * CRI-O's per-container OCI spec ({@code <storage>/overlay-containers/<id>/userdata/config.json}). CRI-O
 * annotates it with {@code io.kubernetes.cri-o.*} keys (ContainerType, Name, ImageName, Labels as a JSON
 * string, Created) and the kubelet's {@code io.kubernetes.pod.*} / {@code io.kubernetes.container.name}.
 * Infra containers carry {@code io.kubernetes.container.name=POD} in their labels.
 */
public final class CrioConfigParser {

    private CrioConfigParser() {}

    public static ContainerMetadata parse(String id, String configJson) throws ParseException {
        Map<String, Object> a = Json.object(Json.parse(configJson, "container " + id), "annotations");
        if (a == null) {
            return null;
        }
        String type = Json.string(a, "io.kubernetes.cri-o.ContainerType");
        String name = Json.string(a, "io.kubernetes.cri-o.Name");
        if (type == null && name == null) {
            return null;
        }
        Map<String, Object> labels = null;
        String labelsJson = Json.string(a, "io.kubernetes.cri-o.Labels");
        if (labelsJson != null) {
            Object l = Json.parse(labelsJson, "container " + id + " io.kubernetes.cri-o.Labels");
            labels = Json.object(l);
        }
        boolean sandbox = "sandbox".equals(type);
        String container = first(Json.string(labels, "io.kubernetes.container.name"),
                Json.string(a, "io.kubernetes.container.name"), sandbox ? "POD" : "");
        String image = first(Json.string(a, "io.kubernetes.cri-o.ImageName"), Json.string(a, "io.kubernetes.cri-o.Image"), "");
        long created = 0;
        String c = Json.string(a, "io.kubernetes.cri-o.Created");
        if (c != null) {
            try {
                created = OffsetDateTime.parse(c).toInstant().toEpochMilli();
            } catch (RuntimeException ignored) {
                // an unparsable time leaves the cgroup-derived one in use
            }
        }
        return new ContainerMetadata(id, RuntimeKind.CRIO, sandbox, ContainerdBundleParser.orEmpty(name), container, image,
                first(Json.string(labels, "io.kubernetes.pod.name"), Json.string(a, "io.kubernetes.pod.name"), ""),
                first(Json.string(labels, "io.kubernetes.pod.namespace"), Json.string(a, "io.kubernetes.pod.namespace"), ""),
                first(Json.string(labels, "io.kubernetes.pod.uid"), Json.string(a, "io.kubernetes.pod.uid"), ""),
                created);
    }

    static String first(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return "";
    }
}
