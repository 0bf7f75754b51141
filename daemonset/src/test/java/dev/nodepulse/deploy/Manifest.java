package dev.nodepulse.deploy;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.util.ModelMapper;
import io.kubernetes.client.util.Yaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One rendered kustomization: every object parsed with the Kubernetes Java client's model for its kind (the
 * loader rejects fields the model does not have), and also kept as a plain map for kinds the client has no
 * model for (Prometheus Operator's ServiceMonitor).
 */
final class Manifest {

    /** One YAML document: its apiVersion/kind, the typed model (null for kinds the client lacks), the map. */
    record Doc(String apiVersion, String kind, String name, String namespace, Object model, Map<String, Object> map) {}

    private final String name;
    private final List<Doc> docs;

    private Manifest(String name, List<Doc> docs) {
        this.name = name;
        this.docs = List.copyOf(docs);
    }

    @SuppressWarnings("unchecked")
    static Manifest parse(String name, String yaml) {
        List<Doc> docs = new ArrayList<>();
        for (String text : yaml.split("(?m)^---$")) {
            if (text.isBlank()) {
                continue;
            }
            Map<String, Object> map = new org.yaml.snakeyaml.Yaml().load(text);
            String apiVersion = (String) map.get("apiVersion");
            String kind = (String) map.get("kind");
            Map<String, Object> meta = (Map<String, Object>) map.getOrDefault("metadata", Map.of());
            Class<?> type = ModelMapper.getApiTypeClass(apiVersion, kind);
            Object model = null;
            if (type != null && type != io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject.class) {
                try {
                    model = Yaml.loadAs(text, type);
                } catch (RuntimeException e) {
                    throw new AssertionError(name + ": " + kind + "/" + meta.get("name") + " does not parse as "
                            + type.getSimpleName() + ": " + e.getMessage(), e);
                }
            }
            docs.add(new Doc(apiVersion, kind, (String) meta.get("name"), (String) meta.get("namespace"), model, map));
        }
        return new Manifest(name, docs);
    }

    String name() {
        return name;
    }

    List<Doc> docs() {
        return docs;
    }

    <T> List<T> all(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Doc d : docs) {
            if (type.isInstance(d.model())) {
                out.add(type.cast(d.model()));
            }
        }
        return out;
    }

    <T extends KubernetesObject> T one(Class<T> type, String objectName) {
        List<T> found = all(type).stream().filter(o -> Objects.equals(o.getMetadata().getName(), objectName)).toList();
        if (found.size() != 1) {
            throw new AssertionError(name + ": expected one " + type.getSimpleName() + " named " + objectName + ", found " + found.size());
        }
        return found.get(0);
    }

    List<Map<String, Object>> maps(String kind) {
        return docs.stream().filter(d -> d.kind().equals(kind)).map(Doc::map).toList();
    }

    @Override
    public String toString() {
        return name;
    }
}
