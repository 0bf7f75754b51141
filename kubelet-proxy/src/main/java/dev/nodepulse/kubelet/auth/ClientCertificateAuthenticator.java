package dev.nodepulse.kubelet.auth;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * The kubelet's x509 authenticator (--client-ca-file): a client certificate that chains to one of the CAs
 * and is valid for client authentication names the user by its subject CN and the groups by its O values.
 * The TLS layer only asks for the certificate; verification is here, so a bad certificate leaves the request
 * to the next authenticator instead of breaking the handshake, as with the kubelet.
 */
public final class ClientCertificateAuthenticator {

    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final String ANY_USAGE = "2.5.29.37.0";

    private final Set<TrustAnchor> anchors;

    public ClientCertificateAuthenticator(List<X509Certificate> cas) {
        Set<TrustAnchor> a = new HashSet<>();
        for (X509Certificate ca : cas) {
            a.add(new TrustAnchor(ca, null));
        }
        if (a.isEmpty()) {
            throw new IllegalArgumentException("the client CA file holds no certificate");
        }
        this.anchors = a;
    }

    /** The user, or null when there is no certificate or it does not verify. */
    public UserInfo authenticate(X509Certificate[] chain) {
        if (chain == null || chain.length == 0) {
            return null;
        }
        try {
            PKIXParameters params = new PKIXParameters(anchors);
            params.setRevocationEnabled(false);
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            CertPathValidator.getInstance("PKIX").validate(cf.generateCertPath(Arrays.asList(chain)), params);
            List<String> usages = chain[0].getExtendedKeyUsage();
            if (usages != null && !usages.contains(CLIENT_AUTH) && !usages.contains(ANY_USAGE)) {
                return null;
            }
        } catch (GeneralSecurityException e) {
            return null;
        }
        String cn = null;
        List<String> orgs = new ArrayList<>();
        try {
            for (Rdn rdn : new LdapName(chain[0].getSubjectX500Principal().getName()).getRdns()) {
                // getRdns() is in certificate order; Go keeps the last CN and every O in order.
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    cn = String.valueOf(rdn.getValue());
                } else if (rdn.getType().equalsIgnoreCase("O")) {
                    orgs.add(String.valueOf(rdn.getValue()));
                }
            }
        } catch (InvalidNameException e) {
            return null;
        }
        if (cn == null || cn.isEmpty()) {
            return null;
        }
        return new UserInfo(cn, "", orgs, null);
    }
}
