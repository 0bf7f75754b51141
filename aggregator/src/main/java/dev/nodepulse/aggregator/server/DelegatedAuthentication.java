package dev.nodepulse.aggregator.server;

import dev.nodepulse.kubelet.auth.ClientCertificateAuthenticator;
import dev.nodepulse.kubelet.auth.KubeReviews;
import dev.nodepulse.kubelet.auth.RequestHeaderAuthenticator;
import dev.nodepulse.kubelet.auth.RequestCredentials;
import dev.nodepulse.kubelet.auth.UserInfo;
import dev.nodepulse.log.Log;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An aggregated API server's authenticator chain, in k8s.io/apiserver's order: the front proxy (request-header
 * client certificate + X-Remote-* headers), then x509 client certificates against {@code --client-ca-file}, then
 * bearer tokens through TokenReview (cached), then anonymous. The first that names a user wins; if none does
 * and one of them failed (a bad token, a front-proxy certificate with a CN not allowed), the request is
 * unauthenticated (401); with nothing presented it is anonymous when that is enabled.
 */
public final class DelegatedAuthentication {

    private static final Log LOG = Log.get(DelegatedAuthentication.class);
    static final UserInfo ANONYMOUS = new UserInfo("system:anonymous", "", List.of("system:unauthenticated"), Map.of());

    /** How a user was established; pushes accept only certificates and tokens. */
    public enum Method { REQUEST_HEADER, CLIENT_CERTIFICATE, TOKEN, ANONYMOUS }

    /** A user, or null when unauthenticated. */
    public record Result(UserInfo user, Method method) {}

    private final Supplier<RequestHeaderAuthenticator> requestHeader;
    private final Supplier<ClientCertificateAuthenticator> clientCertificates;
    private final KubeReviews tokens;
    private final boolean anonymous;

    /**
     * @param requestHeader      current front-proxy settings (re-read from the ConfigMap); null or yielding null: off
     * @param clientCertificates current client-CA authenticator; yielding null without a client CA
     * @param tokens             null without an API server (tokens are then not accepted)
     */
    public DelegatedAuthentication(Supplier<RequestHeaderAuthenticator> requestHeader,
            Supplier<ClientCertificateAuthenticator> clientCertificates, KubeReviews tokens, boolean anonymous) {
        this.requestHeader = requestHeader == null ? () -> null : requestHeader;
        this.clientCertificates = clientCertificates == null ? () -> null : clientCertificates;
        this.tokens = tokens;
        this.anonymous = anonymous;
    }

    public Result authenticate(X509Certificate[] chain, RequestHeaderAuthenticator.Headers headers, String authorization) {
        boolean failed = false;
        RequestHeaderAuthenticator rh = requestHeader.get();
        if (rh != null) {
            RequestHeaderAuthenticator.Result r = rh.authenticate(chain, headers);
            if (r.user() != null) {
                return new Result(r.user().authenticated(), Method.REQUEST_HEADER);
            }
            if (r.error() != null) {
                LOG.debug("front-proxy certificate refused", "err", r.error());
                failed = true;
            }
        }
        ClientCertificateAuthenticator cc = clientCertificates.get();
        if (cc != null) {
            UserInfo u = cc.authenticate(chain);
            if (u != null) {
                return new Result(u.authenticated(), Method.CLIENT_CERTIFICATE);
            }
        }
        String token = RequestCredentials.bearerToken(authorization);
        if (token != null) {
            if (tokens == null) {
                failed = true;
            } else {
                try {
                    KubeReviews.TokenResult r = tokens.reviewToken(token);
                    if (r.authenticated() && r.user() != null) {
                        return new Result(r.user().authenticated(), Method.TOKEN);
                    }
                    LOG.debug("token rejected by TokenReview", "error", r.error());
                } catch (Exception e) {
                    LOG.error("Unable to authenticate the request due to an error", "err", e.toString());
                }
                failed = true;
            }
        }
        if (!failed && anonymous) {
            return new Result(ANONYMOUS, Method.ANONYMOUS);
        }
        return new Result(null, null);
    }

}
