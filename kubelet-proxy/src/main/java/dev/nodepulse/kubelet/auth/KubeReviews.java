package dev.nodepulse.kubelet.auth;

/**
 * The two questions the API server answers for delegated auth: who holds this bearer token (TokenReview),
 * and may this user do this (SubjectAccessReview). Implemented over client-java in
 * {@code dev.nodepulse.kubelet.auth.kube}, and by fakes in tests; callers see only this interface, so the
 * Kubernetes client is loaded only when kube auth is turned on.
 */
public interface KubeReviews {

    /** A token's review: authenticated with a user, or not (with the API server's error text, if any). */
    record TokenResult(boolean authenticated, UserInfo user, String error) {

        public static TokenResult rejected(String error) {
            return new TokenResult(false, null, error == null ? "" : error);
        }
    }

    /** A SubjectAccessReview's status. */
    record Decision(boolean allowed, boolean denied, String reason, String evaluationError) {}

    /** Throws when the API server could not be asked; a rejected token is a result, not an exception. */
    TokenResult reviewToken(String token) throws Exception;

    Decision review(UserInfo user, NodeRequestAttributes attributes) throws Exception;
}
