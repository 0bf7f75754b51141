package dev.nodepulse.kubelet.auth.kube;

import dev.nodepulse.kubelet.auth.AccessAttributes;
import dev.nodepulse.kubelet.auth.AccessReviewer;
import dev.nodepulse.kubelet.auth.KubeReviews;
import dev.nodepulse.kubelet.auth.UserInfo;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AuthorizationV1Api;
import io.kubernetes.client.openapi.models.V1NonResourceAttributes;
import io.kubernetes.client.openapi.models.V1ResourceAttributes;
import io.kubernetes.client.openapi.models.V1SubjectAccessReview;
import io.kubernetes.client.openapi.models.V1SubjectAccessReviewSpec;
import io.kubernetes.client.openapi.models.V1SubjectAccessReviewStatus;

/**
 * SubjectAccessReview ({@code authorization.k8s.io/v1}) for any request, filled as the generic API server's
 * webhook authorizer fills it: resource attributes for API objects, non-resource attributes for paths, empty
 * fields left out.
 */
public final class ClientJavaAccessReviewer implements AccessReviewer {

    private final AuthorizationV1Api authorization;

    public ClientJavaAccessReviewer(ApiClient client) {
        this.authorization = new AuthorizationV1Api(client);
    }

    @Override
    public KubeReviews.Decision review(UserInfo user, AccessAttributes a) throws ApiException {
        V1SubjectAccessReviewSpec spec = new V1SubjectAccessReviewSpec().user(user.name())
                .groups(user.groups().isEmpty() ? null : user.groups())
                .extra(user.extra().isEmpty() ? null : user.extra())
                .uid(user.uid().isEmpty() ? null : user.uid());
        if (a.resourceRequest()) {
            spec.resourceAttributes(new V1ResourceAttributes().verb(a.verb()).group(blank(a.apiGroup()))
                    .version(blank(a.apiVersion())).resource(blank(a.resource())).subresource(blank(a.subresource()))
                    .namespace(blank(a.namespace())).name(blank(a.name())));
        } else {
            spec.nonResourceAttributes(new V1NonResourceAttributes().verb(a.verb()).path(a.path()));
        }
        V1SubjectAccessReview request = new V1SubjectAccessReview().apiVersion("authorization.k8s.io/v1")
                .kind("SubjectAccessReview").spec(spec);
        V1SubjectAccessReviewStatus s = authorization.createSubjectAccessReview(request).execute().getStatus();
        if (s == null) {
            return new KubeReviews.Decision(false, false, "", "no status in SubjectAccessReview response");
        }
        return new KubeReviews.Decision(Boolean.TRUE.equals(s.getAllowed()), Boolean.TRUE.equals(s.getDenied()),
                s.getReason() == null ? "" : s.getReason(), s.getEvaluationError() == null ? "" : s.getEvaluationError());
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
