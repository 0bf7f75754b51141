package dev.nodepulse.deploy;

import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** What a pod spec means for the process in it: expanded arguments, flag values, where a path leads on the host. */
final class PodSpecs {

    private PodSpecs() {}

    static V1Container container(V1PodSpec spec, String name) {
        return spec.getContainers().stream().filter(c -> c.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no container " + name));
    }

    /**
     * The container's args with $(VAR) references to its env expanded as the kubelet expands them; values that
     * only exist at run time (downward API) become "test-<var>".
     */
    static List<String> expandedArgs(V1Container c) {
        List<String> out = new ArrayList<>();
        for (String a : c.getArgs() == null ? List.<String>of() : c.getArgs()) {
            String s = a;
            for (V1EnvVar e : c.getEnv() == null ? List.<V1EnvVar>of() : c.getEnv()) {
                String value = e.getValue() != null ? e.getValue() : "test-" + e.getName().toLowerCase(java.util.Locale.ROOT);
                s = s.replace("$(" + e.getName() + ")", value);
            }
            out.add(s);
        }
        return out;
    }

    /**
     * The environment the kubelet gives the container: literal values, and for downward-API fields the value in
     * {@code fieldValues} (by field path, e.g. spec.nodeName).
     */
    static java.util.Map<String, String> env(V1Container c, java.util.Map<String, String> fieldValues) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        for (V1EnvVar e : c.getEnv() == null ? List.<V1EnvVar>of() : c.getEnv()) {
            if (e.getValue() != null) {
                out.put(e.getName(), e.getValue());
            } else if (e.getValueFrom() != null && e.getValueFrom().getFieldRef() != null) {
                String v = fieldValues.get(e.getValueFrom().getFieldRef().getFieldPath());
                if (v != null) {
                    out.put(e.getName(), v);
                }
            }
        }
        return out;
    }

    /** The last value given for --name (or --name=...), as the flag parser keeps it; empty if not given. */
    static Optional<String> flag(List<String> args, String name) {
        String value = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--" + name) && i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                value = args.get(i + 1);
            } else if (a.startsWith("--" + name + "=")) {
                value = a.substring(name.length() + 3);
            }
        }
        return Optional.ofNullable(value);
    }

    static boolean hasBoolFlag(List<String> args, String name) {
        Boolean on = null;
        for (String a : args) {
            if (a.equals("--" + name) || a.equals("--" + name + "=true")) {
                on = true;
            } else if (a.equals("--no-" + name) || a.equals("--" + name + "=false")) {
                on = false;
            }
        }
        return Boolean.TRUE.equals(on);
    }

    /** The mount whose mountPath is the longest prefix of {@code path}, if any. */
    static Optional<V1VolumeMount> mountOf(V1Container c, String path) {
        return (c.getVolumeMounts() == null ? List.<V1VolumeMount>of() : c.getVolumeMounts()).stream()
                .filter(m -> under(path, m.getMountPath()))
                .max(Comparator.comparingInt(m -> m.getMountPath().length()));
    }

    static V1Volume volume(V1PodSpec spec, String name) {
        return spec.getVolumes().stream().filter(v -> v.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + name));
    }

    /**
     * The host path a container path reaches through a hostPath mount, or empty when it is not on one (then the
     * process would read the container's own filesystem).
     */
    static Optional<String> hostPathOf(V1PodSpec spec, V1Container c, String path) {
        Optional<V1VolumeMount> m = mountOf(c, path);
        if (m.isEmpty()) {
            return Optional.empty();
        }
        V1Volume v = volume(spec, m.get().getName());
        if (v.getHostPath() == null) {
            return Optional.empty();
        }
        String base = v.getHostPath().getPath();
        if (m.get().getSubPath() != null && !m.get().getSubPath().isEmpty()) {
            base = join(base, m.get().getSubPath());
        }
        String rest = path.substring(m.get().getMountPath().length());
        return Optional.of(normalize(join(base, rest)));
    }

    static boolean under(String path, String dir) {
        String d = dir.endsWith("/") && dir.length() > 1 ? dir.substring(0, dir.length() - 1) : dir;
        return path.equals(d) || path.startsWith(d.equals("/") ? "/" : d + "/");
    }

    private static String join(String a, String b) {
        if (b.isEmpty()) {
            return a;
        }
        return (a.endsWith("/") ? a.substring(0, a.length() - 1) : a) + (b.startsWith("/") ? b : "/" + b);
    }

    static String normalize(String p) {
        String n = java.nio.file.Path.of(p).normalize().toString();
        return n.isEmpty() ? "/" : n;
    }

    /** The container port a probe or Service names (by name or number). */
    static int port(V1Container c, IntOrString port) {
        if (port.isInteger()) {
            return port.getIntValue();
        }
        return (c.getPorts() == null ? List.<V1ContainerPort>of() : c.getPorts()).stream()
                .filter(p -> port.getStrValue().equals(p.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("container " + c.getName() + " has no port named " + port.getStrValue()))
                .getContainerPort();
    }
}
