package dev.nodepulse.deploy;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1KeyToPath;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import io.kubernetes.client.openapi.models.V1VolumeProjection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The files the kubelet writes into a container from Secrets, ConfigMaps and projected ServiceAccount tokens: which
 * object and key a container path comes from, with what mode, whether the container's user may read it, and a
 * stand-in directory per volume for running the container's process on this host.
 */
final class PodFiles {

    /** Where a file's content comes from. */
    sealed interface Source permits Token, Key {}

    /** A projected ServiceAccount token; audience null means the API server's own audiences. */
    record Token(String audience, Long expirationSeconds) implements Source {}

    /** A key of a Secret or ConfigMap ({@code kind} "Secret" or "ConfigMap"). */
    record Key(String kind, String object, String key) implements Source {}

    /** One file in the container: its volume, mount, path relative to the mount, source and permission bits. */
    record File(String volume, String mountPath, String relative, Source source, int mode) {}

    /** The kubelet's mode for Secret, ConfigMap and projected files when the volume names none (0644). */
    static final int DEFAULT_MODE = 0644;

    private PodFiles() {}

    /** The file at {@code path} in the container, if a Secret, ConfigMap or projected volume puts one there. */
    static Optional<File> at(V1PodSpec spec, V1Container c, String path) {
        Optional<V1VolumeMount> mount = PodSpecs.mountOf(c, path);
        if (mount.isEmpty()) {
            return Optional.empty();
        }
        String relative = path.substring(mount.get().getMountPath().length()).replaceFirst("^/", "");
        return files(spec, mount.get()).stream().filter(f -> f.relative().equals(relative)).findFirst();
    }

    /** Every file a mount holds; for a Secret or ConfigMap without items only the keys the test names are known. */
    static List<File> files(V1PodSpec spec, V1VolumeMount mount) {
        V1Volume v = PodSpecs.volume(spec, mount.getName());
        List<File> out = new ArrayList<>();
        if (v.getSecret() != null) {
            int mode = v.getSecret().getDefaultMode() == null ? DEFAULT_MODE : v.getSecret().getDefaultMode();
            addKeys(out, v, mount, "Secret", v.getSecret().getSecretName(), v.getSecret().getItems(), mode,
                    List.of("tls.crt", "tls.key", "ca.crt"));
        } else if (v.getConfigMap() != null) {
            int mode = v.getConfigMap().getDefaultMode() == null ? DEFAULT_MODE : v.getConfigMap().getDefaultMode();
            addKeys(out, v, mount, "ConfigMap", v.getConfigMap().getName(), v.getConfigMap().getItems(), mode, List.of("ca.crt"));
        } else if (v.getProjected() != null) {
            int mode = v.getProjected().getDefaultMode() == null ? DEFAULT_MODE : v.getProjected().getDefaultMode();
            for (V1VolumeProjection p : v.getProjected().getSources()) {
                if (p.getServiceAccountToken() != null) {
                    out.add(new File(v.getName(), mount.getMountPath(), p.getServiceAccountToken().getPath(),
                            new Token(p.getServiceAccountToken().getAudience(), p.getServiceAccountToken().getExpirationSeconds()),
                            mode));
                } else if (p.getConfigMap() != null) {
                    addKeys(out, v, mount, "ConfigMap", p.getConfigMap().getName(), p.getConfigMap().getItems(), mode, List.of("ca.crt"));
                } else if (p.getSecret() != null) {
                    addKeys(out, v, mount, "Secret", p.getSecret().getName(), p.getSecret().getItems(), mode,
                            List.of("tls.crt", "tls.key", "ca.crt"));
                }
            }
        }
        return out;
    }

    private static void addKeys(List<File> out, V1Volume v, V1VolumeMount mount, String kind, String object,
            List<V1KeyToPath> items, int mode, List<String> assumedKeys) {
        if (items == null || items.isEmpty()) {
            // every key of the object, each at its own name
            for (String k : assumedKeys) {
                out.add(new File(v.getName(), mount.getMountPath(), k, new Key(kind, object, k), mode));
            }
            return;
        }
        for (V1KeyToPath i : items) {
            out.add(new File(v.getName(), mount.getMountPath(), i.getPath(), new Key(kind, object, i.getKey()),
                    i.getMode() == null ? mode : i.getMode()));
        }
    }

    /**
     * Whether the container's user can read the file: root always; another user through the "other" bits, or the
     * group bits when the pod's fsGroup owns the volume's files (without fsGroup they are root's).
     */
    static boolean readable(V1PodSpec spec, V1Container c, File f) {
        Long uid = c.getSecurityContext() != null && c.getSecurityContext().getRunAsUser() != null
                ? c.getSecurityContext().getRunAsUser()
                : spec.getSecurityContext() == null ? null : spec.getSecurityContext().getRunAsUser();
        if (uid != null && uid == 0) {
            return true;
        }
        // any other user, including the image's non-root USER when the pod names none
        boolean fsGroup = spec.getSecurityContext() != null && spec.getSecurityContext().getFsGroup() != null;
        return (f.mode() & 04) != 0 || (fsGroup && (f.mode() & 040) != 0);
    }

    /**
     * The container's args with every path under a Secret, ConfigMap or projected mount moved to a directory per
     * volume under {@code root}, where every file {@code contents} gives content for (null: none) is written;
     * other args unchanged.
     */
    static List<String> materialize(V1PodSpec spec, V1Container c, List<String> args, Function<Source, String> contents,
            Path root) throws IOException {
        List<String> out = new ArrayList<>();
        for (V1VolumeMount mount : c.getVolumeMounts() == null ? List.<V1VolumeMount>of() : c.getVolumeMounts()) {
            for (File f : files(spec, mount)) {
                String content = contents.apply(f.source());
                if (content != null) {
                    Path p = root.resolve(f.volume()).resolve(f.relative());
                    Files.createDirectories(p.getParent());
                    Files.writeString(p, content);
                }
            }
        }
        for (String a : args) {
            int eq = a.indexOf('=');
            String value = eq > 0 ? a.substring(eq + 1) : "";
            Optional<V1VolumeMount> m = value.startsWith("/") ? PodSpecs.mountOf(c, value) : Optional.empty();
            V1Volume v = m.map(x -> PodSpecs.volume(spec, x.getName())).orElse(null);
            if (v != null && (v.getSecret() != null || v.getConfigMap() != null || v.getProjected() != null)) {
                String rest = value.substring(m.get().getMountPath().length()).replaceFirst("^/", "");
                out.add(a.substring(0, eq + 1) + root.resolve(v.getName()).resolve(rest));
            } else {
                out.add(a);
            }
        }
        return out;
    }
}
