package dev.nodepulse.aggregator.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a request is, as k8s.io/apiserver's RequestInfoFactory reads it from method and path: a resource request
 * under {@code /apis/<group>/<version>/...} (verb get/list/watch/create/..., namespace, resource, name,
 * subresource) or a non-resource request (verb = lower-cased method, path). The authorizer and the router both
 * use it.
 */
public record RequestInfo(boolean resourceRequest, String verb, String path, String apiGroup, String apiVersion,
        String namespace, String resource, String name, String subresource, List<String> extraParts) {

    public static RequestInfo of(String method, String path, boolean watchParam) {
        String trimmed = path;
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        String[] parts = trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
        String nonResourceVerb = method.toLowerCase(Locale.ROOT);
        if (parts.length < 3 || !parts[0].equals("apis")) {
            return nonResource(nonResourceVerb, path);
        }
        String group = parts[1];
        String version = parts[2];
        List<String> rest = new ArrayList<>(List.of(parts).subList(3, parts.length));
        if (rest.isEmpty()) {
            return nonResource(nonResourceVerb, path);
        }
        String namespace = "";
        if (rest.get(0).equals("namespaces")) {
            if (rest.size() > 1) {
                namespace = rest.get(1);
                if (rest.size() > 2) {
                    rest = rest.subList(2, rest.size());
                } else {
                    // GET /apis/g/v/namespaces/<ns>: the namespace object itself
                    rest = List.of("namespaces", namespace);
                    namespace = "";
                }
            }
        }
        String resource = rest.get(0);
        String name = rest.size() > 1 ? rest.get(1) : "";
        String subresource = rest.size() > 2 ? rest.get(2) : "";
        List<String> extra = rest.size() > 3 ? List.copyOf(rest.subList(3, rest.size())) : List.of();
        String verb = switch (method) {
            case "POST" -> "create";
            case "GET", "HEAD" -> name.isEmpty() ? (watchParam ? "watch" : "list") : "get";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> name.isEmpty() ? "deletecollection" : "delete";
            default -> "";
        };
        return new RequestInfo(true, verb, path, group, version, namespace, resource, name, subresource, extra);
    }

    private static RequestInfo nonResource(String verb, String path) {
        return new RequestInfo(false, verb, path, "", "", "", "", "", "", List.of());
    }
}
