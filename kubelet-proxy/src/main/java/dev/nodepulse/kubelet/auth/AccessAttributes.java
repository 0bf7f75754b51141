package dev.nodepulse.kubelet.auth;

/**
 * What a SubjectAccessReview asks about any API request, as k8s.io/apiserver's authorizer.Attributes carry it:
 * a resource request ({@code verb} on {@code group/version resource/subresource} of {@code namespace/name}) or a
 * non-resource request ({@code verb} on {@code path}). Empty strings stand for "not set".
 * ({@link NodeRequestAttributes} is the kubelet's narrower case of this.)
 */
public record AccessAttributes(boolean resourceRequest, String verb, String apiGroup, String apiVersion,
        String resource, String subresource, String namespace, String name, String path) {

    public static AccessAttributes resource(String verb, String group, String version, String resource,
            String namespace, String name) {
        return new AccessAttributes(true, verb, group, version, resource, "", nz(namespace), nz(name), "");
    }

    public static AccessAttributes nonResource(String verb, String path) {
        return new AccessAttributes(false, verb, "", "", "", "", "", "", path);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
