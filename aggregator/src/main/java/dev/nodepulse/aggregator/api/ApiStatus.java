package dev.nodepulse.aggregator.api;

import dev.nodepulse.json.JsonWriter;

/** metav1.Status failure answers, serialized as the API server writes them. */
public final class ApiStatus {

    private ApiStatus() {}

    /**
     * @param detailsName  details.name, or null
     * @param detailsGroup details.group, or null
     * @param detailsKind  details.kind, or null (no details object when all three are null)
     */
    public static ApiResponse failure(int code, String reason, String message, String detailsName,
            String detailsGroup, String detailsKind) {
        StringBuilder sb = new StringBuilder(200);
        JsonWriter w = new JsonWriter(sb, false).beginObject().name("kind").value("Status").name("apiVersion").value("v1")
                .name("metadata").beginObject().endObject().name("status").value("Failure").name("message").value(message)
                .name("reason").value(reason);
        if (detailsName != null || detailsGroup != null || detailsKind != null) {
            w.name("details").beginObject();
            if (detailsName != null && !detailsName.isEmpty()) {
                w.name("name").value(detailsName);
            }
            if (detailsGroup != null && !detailsGroup.isEmpty()) {
                w.name("group").value(detailsGroup);
            }
            if (detailsKind != null && !detailsKind.isEmpty()) {
                w.name("kind").value(detailsKind);
            }
            w.endObject();
        }
        w.name("code").signed(code).endObject();
        return ApiResponse.json(code, sb.toString());
    }

    public static ApiResponse notFound(String resource, String group, String name) {
        String qualified = group.isEmpty() ? resource : resource + "." + group;
        return failure(404, "NotFound", qualified + " \"" + name + "\" not found", name, group.isEmpty() ? null : group,
                resource);
    }

    public static ApiResponse badRequest(String message) {
        return failure(400, "BadRequest", message, null, null, null);
    }

    public static ApiResponse unauthorized() {
        return failure(401, "Unauthorized", "Unauthorized", null, null, null);
    }

    /** The authorizer's denial, worded as k8s.io/apiserver's responsewriters.Forbidden. */
    public static ApiResponse forbidden(RequestInfo info, String user, String reason) {
        String msg;
        if (!info.resourceRequest()) {
            msg = "User \"" + user + "\" cannot " + info.verb() + " path \"" + info.path() + "\"";
        } else {
            String resource = info.subresource().isEmpty() ? info.resource() : info.resource() + "/" + info.subresource();
            msg = "User \"" + user + "\" cannot " + info.verb() + " resource \"" + resource + "\" in API group \""
                    + info.apiGroup() + "\"" + (info.namespace().isEmpty() ? " at the cluster scope"
                    : " in the namespace \"" + info.namespace() + "\"");
        }
        if (reason != null && !reason.isEmpty()) {
            msg = msg + ": " + reason;
        }
        String qualified = info.resource().isEmpty() ? "" : info.apiGroup().isEmpty() ? info.resource()
                : info.resource() + "." + info.apiGroup();
        String message = qualified.isEmpty() ? "forbidden: " + msg
                : info.name().isEmpty() ? qualified + " is forbidden: " + msg
                : qualified + " \"" + info.name() + "\" is forbidden: " + msg;
        return failure(403, "Forbidden", message, info.name(), info.apiGroup(), info.resource());
    }

    public static ApiResponse internal(String message) {
        return failure(500, "InternalError", "Internal error occurred: " + message, null, null, null);
    }
}
