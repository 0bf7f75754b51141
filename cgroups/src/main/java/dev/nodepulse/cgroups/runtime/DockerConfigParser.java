package dev.nodepulse.cgroups.runtime;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.Json;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Docker's {@code /var/lib/docker/containers/<id>/config.v2.json} (containers the kubelet created through
 * dockershim / cri-dockerd): {@code Name} is "/k8s_<container>_<pod>_<ns>_<uid>_<attempt>", {@code Config.Image}
 * the image, {@code Config.Labels} the kubelet's io.kubernetes.* labels (container name "POD" for the
 * sandbox), {@code Created} an RFC 3339 time.
 */
public final class DockerConfigParser {

    private DockerConfigParser() {}

    public static ContainerMetadata parse(String id, String configJson) throws ParseException {
        Object root = Json.parse(configJson, "container " + id);
        Map<String, Object> top = Json.object(root);
        Map<String, Object> config = Json.object(root, "Config");
        Map<String, Object> labels = Json.object(root, "Config", "Labels");
        if (top == null) {
            return null;
        }
        String name = Json.string(top, "Name");
        if (name != null && name.startsWith("/")) {
            name = name.substring(1);
        }
        String container = CrioConfigParser.first(Json.string(labels, "io.kubernetes.container.name"), "");
        boolean sandbox = container.equals("POD")
                || "podsandbox".equals(Json.string(labels, "io.kubernetes.docker.type"));
        long created = 0;
        String c = Json.string(top, "Created");
        if (c != null) {
            try {
                created = OffsetDateTime.parse(c).toInstant().toEpochMilli();
            } catch (RuntimeException ignored) {
                // leave the cgroup-derived time in use
            }
        }
        return new ContainerMetadata(id, RuntimeKind.DOCKER, sandbox, name == null ? id : name, container,
                CrioConfigParser.first(Json.string(config, "Image"), ""),
                CrioConfigParser.first(Json.string(labels, "io.kubernetes.pod.name"), ""),
                CrioConfigParser.first(Json.string(labels, "io.kubernetes.pod.namespace"), ""),
                CrioConfigParser.first(Json.string(labels, "io.kubernetes.pod.uid"), ""), created);
    }
}
