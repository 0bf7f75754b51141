package dev.nodepulse.kubelet.auth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * The front-proxy authenticator of an aggregated API server: kube-apiserver proxies a request with its
 * front-proxy client certificate and names the user it authenticated in headers. The headers count only when
 * the connection's client certificate chains to the request-header CA and (if names are configured) its CN is
 * allowed; on any other connection they are ignored, because anyone can send headers.
 *
 * <p>Outcomes as in k8s.io/apiserver: no certificate, or a certificate this CA did not sign → not applicable
 * (the next authenticator runs); a signed certificate whose CN is not allowed → an error (401 unless another
 * authenticator succeeds); an accepted certificate without a user header → not applicable.
 */
public final class RequestHeaderAuthenticator {

    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final String ANY_USAGE = "2.5.29.37.0";

    /** Not applicable ({@code user == null, error == null}), a user, or an error text. */
    public record Result(UserInfo user, String error) {
        static final Result NOT_APPLICABLE = new Result(null, null);

        public boolean applies() {
            return user != null || error != null;
        }
    }

    /** Read access to the request's headers: every value of one header name, case-insensitively. */
    public interface Headers {
        List<String> values(String name);

        /** Every header name present (any case). */
        Iterable<String> names();
    }

    private final RequestHeaderConfig config;
    private final Set<TrustAnchor> anchors;

    public RequestHeaderAuthenticator(RequestHeaderConfig config) {
        if (config.cas().isEmpty()) {
            throw new IllegalArgumentException("the request-header CA bundle holds no certificate");
        }
        this.config = config;
        Set<TrustAnchor> a = new HashSet<>();
        for (X509Certificate ca : config.cas()) {
            a.add(new TrustAnchor(ca, null));
        }
        this.anchors = a;
    }

    public RequestHeaderConfig config() {
        return config;
    }

    public Result authenticate(X509Certificate[] chain, Headers headers) {
        if (chain == null || chain.length == 0) {
            return Result.NOT_APPLICABLE;
        }
        try {
            PKIXParameters params = new PKIXParameters(anchors);
            params.setRevocationEnabled(false);
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            CertPathValidator.getInstance("PKIX").validate(cf.generateCertPath(Arrays.asList(chain)), params);
            List<String> usages = chain[0].getExtendedKeyUsage();
            if (usages != null && !usages.contains(CLIENT_AUTH) && !usages.contains(ANY_USAGE)) {
                return Result.NOT_APPLICABLE;
            }
        } catch (GeneralSecurityException e) {
            // Signed by someone else: perhaps a client CA certificate, for the next authenticator.
            return Result.NOT_APPLICABLE;
        }
        String cn = commonName(chain[0]);
        if (!config.allowedNames().isEmpty() && (cn == null || !config.allowedNames().contains(cn))) {
            return new Result(null, "x509: subject with cn=" + (cn == null ? "" : cn) + " is not in the allowed list");
        }
        String name = firstNonEmpty(headers, config.usernameHeaders());
        if (name == null) {
            return Result.NOT_APPLICABLE;
        }
        List<String> groups = new ArrayList<>();
        for (String h : config.groupHeaders()) {
            groups.addAll(headers.values(h));
        }
        String uid = firstNonEmpty(headers, config.uidHeaders());
        return new Result(new UserInfo(name, uid, groups, extra(headers)), null);
    }

    private static String firstNonEmpty(Headers headers, List<String> names) {
        for (String h : names) {
            for (String v : headers.values(h)) {
                if (!v.isEmpty()) {
                    return v;
                }
            }
        }
        return null;
    }

    /** Extra keys: the header name after the prefix, lower-cased and percent-decoded; each value kept. */
    private Map<String, List<String>> extra(Headers headers) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String header : headers.names()) {
            String lower = header.toLowerCase(Locale.ROOT);
            for (String prefix : config.extraHeaderPrefixes()) {
                String p = prefix.toLowerCase(Locale.ROOT);
                if (lower.startsWith(p) && lower.length() > p.length()) {
                    String key = unescape(lower.substring(p.length()));
                    out.computeIfAbsent(key, k -> new ArrayList<>()).addAll(headers.values(header));
                }
            }
        }
        return out;
    }

    private static String unescape(String key) {
        try {
            return URLDecoder.decode(key.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return key;
        }
    }

    private static String commonName(X509Certificate cert) {
        String cn = null;
        try {
            for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    cn = String.valueOf(rdn.getValue());
                }
            }
        } catch (InvalidNameException e) {
            return null;
        }
        return cn;
    }
}
