package dev.nodepulse.kubelet.auth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsExchange;
import dev.nodepulse.http.Responses;
import dev.nodepulse.log.Log;
import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;

/**
 * The kubelet's authentication and authorization filter for the paths it protects: a verified client
 * certificate (when a client CA is configured) or a bearer token reviewed by the API server identifies the
 * user, else 401 {@code Unauthorized}; then a SubjectAccessReview on {@code nodes/<subresource>} of this node
 * must allow the request, else 403 {@code Forbidden (user=..., verb=..., resource=..., subresource=...)}.
 * Failing to reach the API server is a 401 while authenticating and a 500 while authorizing, as in the kubelet.
 */
public final class KubeAuthFilter implements HttpHandler {

    private static final Log LOG = Log.get(KubeAuthFilter.class);

    private final HttpHandler next;
    private final Predicate<String> protectedPath;
    private final KubeReviews reviews;
    private final ClientCertificateAuthenticator certificates;
    private final String nodeName;

    /**
     * @param certificates null when no client CA is configured (bearer tokens only)
     */
    public KubeAuthFilter(HttpHandler next, Predicate<String> protectedPath, KubeReviews reviews,
            ClientCertificateAuthenticator certificates, String nodeName) {
        this.next = next;
        this.protectedPath = protectedPath;
        this.reviews = reviews;
        this.certificates = certificates;
        this.nodeName = nodeName;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        if (!protectedPath.test(path)) {
            next.handle(ex);
            return;
        }
        UserInfo user = authenticate(ex);
        if (user == null) {
            drain(ex);
            Responses.text(ex, 401, "Unauthorized");
            return;
        }
        List<NodeRequestAttributes> attempts = NodeRequestAttributes.of(ex.getRequestMethod(), path, nodeName);
        NodeRequestAttributes first = attempts.get(0);
        try {
            for (NodeRequestAttributes a : attempts) {
                if (reviews.review(user, a).allowed()) {
                    next.handle(ex);
                    return;
                }
            }
        } catch (Exception e) {
            LOG.error("Authorization error", "user", user.name(), "verb", first.verb(), "resource",
                    NodeRequestAttributes.RESOURCE, "subresource", first.subresource(), "err", e.toString());
            drain(ex);
            Responses.text(ex, 500, "Authorization error (user=" + user.name() + ", verb=" + first.verb()
                    + ", resource=" + NodeRequestAttributes.RESOURCE + ", subresource=" + first.subresource() + ")");
            return;
        }
        LOG.debug("Forbidden", "user", user.name(), "verb", first.verb(), "subresource", first.subresource());
        drain(ex);
        Responses.text(ex, 403, "Forbidden (user=" + user.name() + ", verb=" + first.verb() + ", resource="
                + NodeRequestAttributes.RESOURCE + ", subresource=" + first.subresource() + ")");
    }

    private UserInfo authenticate(HttpExchange ex) {
        if (certificates != null && ex instanceof HttpsExchange https) {
            UserInfo u = certificates.authenticate(RequestCredentials.peerChain(https));
            if (u != null) {
                return u.authenticated();
            }
        }
        String token = RequestCredentials.bearerToken(ex.getRequestHeaders().getFirst("Authorization"));
        if (token == null) {
            return null;
        }
        try {
            KubeReviews.TokenResult r = reviews.reviewToken(token);
            if (!r.authenticated() || r.user() == null) {
                LOG.debug("token rejected by TokenReview", "error", r.error());
                return null;
            }
            return r.user().authenticated();
        } catch (Exception e) {
            LOG.error("Unable to authenticate the request due to an error", "err", e.toString());
            return null;
        }
    }

    private static void drain(HttpExchange ex) {
        try {
            ex.getRequestBody().close();
        } catch (IOException ignored) {
            // nothing to read
        }
    }
}
