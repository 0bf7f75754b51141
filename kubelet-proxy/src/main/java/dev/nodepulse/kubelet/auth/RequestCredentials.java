package dev.nodepulse.kubelet.auth;

import com.sun.net.httpserver.HttpsExchange;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLPeerUnverifiedException;

/** The credentials a request carries, read the way the Kubernetes apiserver library reads them. */
public final class RequestCredentials {

    private RequestCredentials() {}

    /** The token of an Authorization header: "Bearer" in any case, then one token; null for anything else. */
    public static String bearerToken(String header) {
        if (header == null) {
            return null;
        }
        String[] parts = header.trim().split(" ");
        if (parts.length < 2 || !parts[0].equalsIgnoreCase("bearer") || parts[1].isEmpty()) {
            return null;
        }
        return parts[1];
    }

    /** The client's verified certificate chain, leaf first; null when the client sent none. */
    public static X509Certificate[] peerChain(HttpsExchange https) {
        try {
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : https.getSSLSession().getPeerCertificates()) {
                if (c instanceof X509Certificate x) {
                    out.add(x);
                }
            }
            return out.toArray(new X509Certificate[0]);
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }
}
