package dev.nodepulse.cgroups.discovery;

import dev.nodepulse.cgroups.runtime.RuntimeKind;

/**
 * The kubelet's and the runtimes' cgroup naming, both drivers. cgroupfs: {@code /kubepods/burstable/pod<uid>/<id>}.
 * systemd: {@code /kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod<uid_>.slice/cri-containerd-<id>.scope},
 * the UID's dashes turned into underscores. Runtimes name container cgroups {@code cri-containerd-<id>},
 * {@code crio-<id>}, {@code docker-<id>} (with .scope under systemd) or the bare ID.
 */
public final class CgroupNaming {

    private CgroupNaming() {}

    public static boolean isKubepodsRoot(String name) {
        return name.equals("kubepods") || name.equals("kubepods.slice");
    }

    /** The QoS class a child of the kubepods root names, or null when it is not a QoS cgroup. */
    public static QosClass qosOf(String name) {
        return switch (name) {
            case "burstable", "kubepods-burstable.slice" -> QosClass.BURSTABLE;
            case "besteffort", "kubepods-besteffort.slice" -> QosClass.BESTEFFORT;
            default -> null;
        };
    }

    /** The pod UID (dashed) of a pod cgroup name, or null when the name is not a pod cgroup. */
    public static String podUid(String name) {
        String uid;
        if (name.startsWith("pod")) {
            uid = name.substring(3);
        } else if (name.endsWith(".slice")) {
            int at = name.lastIndexOf("-pod");
            if (at < 0) {
                return null;
            }
            uid = name.substring(at + 4, name.length() - ".slice".length()).replace('_', '-');
        } else {
            return null;
        }
        return looksLikeUid(uid) ? uid : null;
    }

    private static boolean looksLikeUid(String s) {
        if (s.isEmpty() || s.length() > 64) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** A container cgroup name split into runtime hint and 64-character ID; null when it is not one. */
    public record ContainerName(String id, RuntimeKind hint) {}

    public static ContainerName container(String name) {
        if (name.endsWith(".mount") || name.startsWith("crio-conmon-")) {
            return null;
        }
        String base = name.endsWith(".scope") ? name.substring(0, name.length() - ".scope".length()) : name;
        int dash = base.lastIndexOf('-');
        String id = dash < 0 ? base : base.substring(dash + 1);
        if (!isContainerId(id)) {
            return null;
        }
        String prefix = dash < 0 ? "" : base.substring(0, dash);
        RuntimeKind hint = switch (prefix) {
            case "cri-containerd" -> RuntimeKind.CONTAINERD;
            case "crio" -> RuntimeKind.CRIO;
            case "docker" -> RuntimeKind.DOCKER;
            case "" -> null;
            default -> null;
        };
        if (!prefix.isEmpty() && hint == null) {
            return null;
        }
        return new ContainerName(id, hint);
    }

    static boolean isContainerId(String s) {
        if (s.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }
}
