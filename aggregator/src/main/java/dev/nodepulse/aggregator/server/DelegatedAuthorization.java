package dev.nodepulse.aggregator.server;

import dev.nodepulse.aggregator.api.RequestInfo;
import dev.nodepulse.kubelet.auth.AccessAttributes;
import dev.nodepulse.kubelet.auth.AccessReviewer;
import dev.nodepulse.kubelet.auth.KubeReviews;
import dev.nodepulse.kubelet.auth.UserInfo;
import java.util.List;

/**
 * An aggregated API server's authorizer: the always-allowed paths ({@code --authorization-always-allow-paths},
 * exact or with a trailing {@code *} as a prefix), the {@code system:masters} group, then SubjectAccessReview
 * (cached). {@code AlwaysAllow} mode skips the review for local runs.
 */
public final class DelegatedAuthorization {

    private static final String MASTERS = "system:masters";

    private final List<String> alwaysAllowPaths;
    private final AccessReviewer reviewer;

    /** @param reviewer null for AlwaysAllow */
    public DelegatedAuthorization(List<String> alwaysAllowPaths, AccessReviewer reviewer) {
        this.alwaysAllowPaths = List.copyOf(alwaysAllowPaths);
        this.reviewer = reviewer;
    }

    public boolean alwaysAllowed(String path) {
        for (String p : alwaysAllowPaths) {
            if (p.endsWith("*") ? path.startsWith(p.substring(0, p.length() - 1)) : path.equals(p)) {
                return true;
            }
        }
        return false;
    }

    /** Throws when SubjectAccessReview could not be asked (a 500, as the apiserver answers). */
    public KubeReviews.Decision authorize(UserInfo user, RequestInfo info) throws Exception {
        if (!info.resourceRequest() && alwaysAllowed(info.path())) {
            return new KubeReviews.Decision(true, false, "always allowed path", "");
        }
        if (user.groups().contains(MASTERS)) {
            return new KubeReviews.Decision(true, false, "system:masters", "");
        }
        if (reviewer == null) {
            return new KubeReviews.Decision(true, false, "AlwaysAllow", "");
        }
        AccessAttributes a = info.resourceRequest()
                ? new AccessAttributes(true, info.verb(), info.apiGroup(), info.apiVersion(), info.resource(),
                        info.subresource(), info.namespace(), info.name(), "")
                : AccessAttributes.nonResource(info.verb(), info.path());
        return reviewer.review(user, a);
    }
}
