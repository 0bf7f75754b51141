package dev.nodepulse.agent;

import dev.nodepulse.procfs.natives.Uname;
import java.util.Locale;
import java.util.Map;

/**
 * The Kubernetes node this agent speaks for, as the kubelet picks its own: --node-name, else the NODE_NAME
 * environment variable (a DaemonSet sets it from spec.nodeName), else the host name, lower-cased and trimmed
 * as the kubelet's hostname override is.
 */
public final class NodeName {

    private NodeName() {}

    public static String resolve(String flag, Map<String, String> env) {
        if (flag != null && !flag.isBlank()) {
            return flag.trim();
        }
        String fromEnv = env.get("NODE_NAME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.trim();
        }
        return hostname().trim().toLowerCase(Locale.ROOT);
    }

    static String hostname() {
        try {
            return Uname.uname().nodename();
        } catch (Exception | LinkageError e) {
            try {
                return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/kernel/hostname"));
            } catch (Exception e2) {
                return "localhost";
            }
        }
    }
}
