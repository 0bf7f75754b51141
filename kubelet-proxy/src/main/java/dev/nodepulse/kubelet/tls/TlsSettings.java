package dev.nodepulse.kubelet.tls;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Everything one TLS handshake needs: the serving identity, how client certificates are treated, and the
 * protocol limits. A new instance stands for a reloaded configuration.
 *
 * @param cipherSuites     TLS 1.2 suites by IANA name, or null for the JDK's defaults (TLS 1.3 suites are always on)
 * @param namedGroups      key exchange groups in preference order, or empty for the defaults
 * @param allowedSans      when non-null, a client certificate must carry one of these SANs
 */
public record TlsSettings(PemFiles.KeyPair identity, List<X509Certificate> clientCas, ClientAuth clientAuth,
        List<String> protocols, List<String> cipherSuites, List<String> namedGroups, boolean preferServerCipherSuites,
        List<String> allowedSans) {

    /** TLS 1.2 and 1.3, server preference, no client certificates: the kubelet's and node_exporter's default. */
    public static TlsSettings serving(PemFiles.KeyPair identity) {
        return new TlsSettings(identity, List.of(), ClientAuth.NO_CLIENT_CERT, List.of("TLSv1.2", "TLSv1.3"), null,
                List.of(), true, null);
    }

    public TlsSettings withClientCertificates(ClientAuth auth, List<X509Certificate> cas) {
        return new TlsSettings(identity, cas, auth, protocols, cipherSuites, namedGroups, preferServerCipherSuites,
                allowedSans);
    }
}
