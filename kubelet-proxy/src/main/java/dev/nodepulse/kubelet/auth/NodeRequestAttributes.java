package dev.nodepulse.kubelet.auth;

import java.util.ArrayList;
import java.util.List;

/**
 * What a request to the node API is authorized as, mapped like the kubelet maps it: resource {@code nodes},
 * the node's name, API version v1, a verb from the HTTP method, and a subresource from the path:
 * {@code /stats/*} → stats, {@code /metrics/*} (and {@code /metrics} itself) → metrics, {@code /logs/*} → log,
 * {@code /checkpoint/*} → checkpoint, anything else → proxy. With the kubelet's fine-grained authorization
 * (KubeletFineGrainedAuthz, on by default since 1.33) {@code /pods}, {@code /runningpods/}, {@code /healthz},
 * {@code /configz} and {@code /statusz} are tried first as pods/healthz/configz/statusz, then as proxy.
 */
public record NodeRequestAttributes(String verb, String subresource, String nodeName, String path) {

    public static final String RESOURCE = "nodes";
    public static final String API_VERSION = "v1";

    /** The attribute sets to try in order; the request is allowed if any one of them is. */
    public static List<NodeRequestAttributes> of(String method, String path, String nodeName) {
        String verb = verb(method);
        List<String> subresources = new ArrayList<>(2);
        if (isSubpath(path, "/pods") || isSubpath(path, "/runningpods/")) {
            subresources.add("pods");
        } else if (isSubpath(path, "/healthz")) {
            subresources.add("healthz");
        } else if (isSubpath(path, "/configz")) {
            subresources.add("configz");
        } else if (isSubpath(path, "/statusz")) {
            subresources.add("statusz");
        }
        if (isSubpath(path, "/stats/")) {
            subresources.add("stats");
        } else if (isSubpath(path, "/metrics")) {
            subresources.add("metrics");
        } else if (isSubpath(path, "/logs/")) {
            subresources.add("log");
        } else if (isSubpath(path, "/checkpoint/")) {
            subresources.add("checkpoint");
        } else {
            subresources.add("proxy");
        }
        List<NodeRequestAttributes> out = new ArrayList<>(subresources.size());
        for (String s : subresources) {
            out.add(new NodeRequestAttributes(verb, s, nodeName, path));
        }
        return out;
    }

    /** The kubelet's method-to-verb table; other methods get an empty verb, which no RBAC rule grants. */
    static String verb(String method) {
        return switch (method) {
            case "POST" -> "create";
            case "GET" -> "get";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> "delete";
            default -> "";
        };
    }

    /** {@code subpath} is {@code path} (trailing slash ignored) or below it. */
    static boolean isSubpath(String subpath, String path) {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return subpath.equals(p) || (subpath.startsWith(p) && subpath.length() > p.length() && subpath.charAt(p.length()) == '/');
    }
}
