package dev.nodepulse.kubelet.auth;

/**
 * Delegated authorization for any request (SubjectAccessReview with resource or non-resource attributes), as
 * an aggregated API server authorizes. Implemented over client-java in {@code dev.nodepulse.kubelet.auth.kube}
 * and by fakes in tests.
 */
public interface AccessReviewer {

    /** Throws when the API server could not be asked; a denial is a result. */
    KubeReviews.Decision review(UserInfo user, AccessAttributes attributes) throws Exception;
}
