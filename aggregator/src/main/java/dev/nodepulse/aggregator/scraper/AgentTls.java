package dev.nodepulse.aggregator.scraper;

import dev.nodepulse.kubelet.tls.PemFiles;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The TLS client side towards agents, as metrics-server's kubelet client config builds it: the CA from
 * {@code --kubelet-certificate-authority}, else the cluster CA of the service account (when in a pod), else the
 * JDK's trust store; {@code --kubelet-insecure-tls} trusts any serving certificate (testing only); a client
 * certificate from {@code --kubelet-client-certificate}/{@code --kubelet-client-key}.
 */
public final class AgentTls {

    public static final Path IN_CLUSTER_CA = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/ca.crt");

    private AgentTls() {}

    public static SSLContext context(Path caFile, boolean insecure, Path clientCert, Path clientKey) throws Exception {
        TrustManager[] trust;
        if (insecure) {
            trust = new TrustManager[] {new TrustAll()};
        } else {
            Path ca = caFile != null ? caFile : Files.isReadable(IN_CLUSTER_CA) ? IN_CLUSTER_CA : null;
            trust = ca == null ? null : pkix(PemFiles.readCertificates(ca));
        }
        javax.net.ssl.KeyManager[] keys = null;
        if (clientCert != null) {
            PemFiles.KeyPair pair = PemFiles.readKeyPair(clientCert, clientKey);
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("client", pair.key(), new char[0], pair.chain().toArray(new X509Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
            kmf.init(ks, new char[0]);
            keys = kmf.getKeyManagers();
        }
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(keys, trust, null);
        return ctx;
    }

    private static TrustManager[] pkix(List<X509Certificate> cas) throws Exception {
        if (cas.isEmpty()) {
            throw new IllegalArgumentException("the kubelet CA file holds no certificate");
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        int i = 0;
        for (X509Certificate c : cas) {
            ks.setCertificateEntry("ca-" + i++, c);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(ks);
        return tmf.getTrustManagers();
    }

    /** Accepts any server certificate and skips host name checks: --kubelet-insecure-tls. */
    private static final class TrustAll extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            throw new UnsupportedOperationException("client role only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // insecure by request
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            throw new UnsupportedOperationException("client role only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // insecure by request
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("client role only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // insecure by request
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
