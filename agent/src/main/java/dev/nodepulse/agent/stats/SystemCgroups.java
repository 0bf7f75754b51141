package dev.nodepulse.agent.stats;

/**
 * The cgroups behind node.systemContainers, as cgroup ids ("/system.slice/kubelet.service"); null when not configured.
 * The "pods" entry is always the node-allocatable root the walk found ({@code <cgroup-root>/kubepods[.slice]}).
 */
public record SystemCgroups(String kubelet, String runtime, String misc) {

    public static final SystemCgroups NONE = new SystemCgroups(null, null, null);

    public static SystemCgroups of(String kubelet, String runtime, String misc) {
        return new SystemCgroups(normalize(kubelet), normalize(runtime), normalize(misc));
    }

    private static String normalize(String id) {
        if (id == null) {
            return null;
        }
        String s = id.strip();
        if (s.isEmpty()) {
            return null;
        }
        if (!s.startsWith("/")) {
            s = "/" + s;
        }
        while (s.length() > 1 && s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
