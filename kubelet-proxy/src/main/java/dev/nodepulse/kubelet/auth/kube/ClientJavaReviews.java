package dev.nodepulse.kubelet.auth.kube;

import dev.nodepulse.kubelet.auth.KubeClientOptions;
import dev.nodepulse.kubelet.auth.KubeReviews;
import dev.nodepulse.kubelet.auth.NodeRequestAttributes;
import dev.nodepulse.kubelet.auth.UserInfo;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AuthenticationV1Api;
import io.kubernetes.client.openapi.apis.AuthorizationV1Api;
import io.kubernetes.client.openapi.models.V1ResourceAttributes;
import io.kubernetes.client.openapi.models.V1SubjectAccessReview;
import io.kubernetes.client.openapi.models.V1SubjectAccessReviewSpec;
import io.kubernetes.client.openapi.models.V1SubjectAccessReviewStatus;
import io.kubernetes.client.openapi.models.V1TokenReview;
import io.kubernetes.client.openapi.models.V1TokenReviewSpec;
import io.kubernetes.client.openapi.models.V1TokenReviewStatus;
import io.kubernetes.client.openapi.models.V1UserInfo;
import java.io.IOException;

/**
 * TokenReview ({@code authentication.k8s.io/v1}) and SubjectAccessReview ({@code authorization.k8s.io/v1})
 * through the official Kubernetes Java client, with credentials from a kubeconfig file or the pod's service
 * account. Only {@link dev.nodepulse.kubelet.auth.KubeReviewsLoader} names this class.
 */
public final class ClientJavaReviews implements KubeReviews {

    private final AuthenticationV1Api authentication;
    private final AuthorizationV1Api authorization;

    public ClientJavaReviews(KubeClientOptions options) throws IOException {
        this(KubeClients.apiClient(options));
    }

    /** Over an already configured client (the aggregator shares one for reviews, informers and lookups). */
    public ClientJavaReviews(ApiClient client) {
        this.authentication = new AuthenticationV1Api(client);
        this.authorization = new AuthorizationV1Api(client);
    }

    @Override
    public TokenResult reviewToken(String token) throws ApiException {
        V1TokenReview request = new V1TokenReview().apiVersion("authentication.k8s.io/v1").kind("TokenReview")
                .spec(new V1TokenReviewSpec().token(token));
        V1TokenReviewStatus status = authentication.createTokenReview(request).execute().getStatus();
        if (status == null || !Boolean.TRUE.equals(status.getAuthenticated()) || status.getUser() == null) {
            return TokenResult.rejected(status == null ? "" : status.getError());
        }
        V1UserInfo u = status.getUser();
        return new TokenResult(true, new UserInfo(u.getUsername(), u.getUid(), u.getGroups(), u.getExtra()), "");
    }

    @Override
    public Decision review(UserInfo user, NodeRequestAttributes a) throws ApiException {
        // As the apiserver's webhook authorizer sends it: empty group and namespace are left out.
        V1SubjectAccessReviewSpec spec = new V1SubjectAccessReviewSpec().user(user.name())
                .groups(user.groups().isEmpty() ? null : user.groups())
                .extra(user.extra().isEmpty() ? null : user.extra())
                .uid(user.uid().isEmpty() ? null : user.uid())
                .resourceAttributes(new V1ResourceAttributes().verb(a.verb()).version(NodeRequestAttributes.API_VERSION)
                        .resource(NodeRequestAttributes.RESOURCE).subresource(a.subresource()).name(a.nodeName()));
        V1SubjectAccessReview request = new V1SubjectAccessReview().apiVersion("authorization.k8s.io/v1")
                .kind("SubjectAccessReview").spec(spec);
        V1SubjectAccessReviewStatus s = authorization.createSubjectAccessReview(request).execute().getStatus();
        if (s == null) {
            return new Decision(false, false, "", "no status in SubjectAccessReview response");
        }
        return new Decision(Boolean.TRUE.equals(s.getAllowed()), Boolean.TRUE.equals(s.getDenied()),
                s.getReason() == null ? "" : s.getReason(), s.getEvaluationError() == null ? "" : s.getEvaluationError());
    }
}
