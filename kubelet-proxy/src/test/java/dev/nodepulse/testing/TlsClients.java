package dev.nodepulse.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** HTTPS clients for tests: trust exactly the given server certificate, optionally present a client certificate. */
public final class TlsClients {

    private TlsClients() {}

    public static HttpClient trusting(X509Certificate server) throws Exception {
        return client(server, null, null);
    }

    public static HttpClient client(X509Certificate server, PrivateKey clientKey, List<X509Certificate> clientChain)
            throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", server);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(trust);
        KeyManagerFactory kmf = null;
        if (clientKey != null) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("client", clientKey, "x".toCharArray(), clientChain.toArray(new X509Certificate[0]));
            kmf = KeyManagerFactory.getInstance("PKIX");
            kmf.init(ks, "x".toCharArray());
        }
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ctx).connectTimeout(Duration.ofSeconds(5))
                .proxy(java.net.ProxySelector.of(null)).build();
    }

    public static HttpResponse<String> get(HttpClient c, String url, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        headers.forEach(b::header);
        return c.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
