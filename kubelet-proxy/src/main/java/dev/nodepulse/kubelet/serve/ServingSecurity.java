package dev.nodepulse.kubelet.serve;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import dev.nodepulse.kubelet.auth.CachingKubeReviews;
import dev.nodepulse.kubelet.auth.ClientCertificateAuthenticator;
import dev.nodepulse.kubelet.auth.KubeAuthFilter;
import dev.nodepulse.kubelet.auth.KubeReviews;
import dev.nodepulse.kubelet.auth.KubeReviewsLoader;
import dev.nodepulse.kubelet.tls.CertificateFiles;
import dev.nodepulse.kubelet.tls.ClientAuth;
import dev.nodepulse.kubelet.tls.PemFiles;
import dev.nodepulse.kubelet.tls.SelfSignedCertificate;
import dev.nodepulse.kubelet.tls.ServingTls;
import dev.nodepulse.kubelet.tls.TlsSettings;
import dev.nodepulse.kubelet.tls.TlsSource;
import dev.nodepulse.kubelet.webconfig.WebConfigFile;
import dev.nodepulse.log.Log;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Puts {@link ServingOptions} into effect: validates everything at start (a bad file or flag combination stops
 * the process before it listens), creates plain or TLS servers, and wraps the request handler in the web
 * config filter and the Kubernetes auth filter.
 */
public final class ServingSecurity {

    private static final Log LOG = Log.get(ServingSecurity.class);

    private final WebConfigFile webConfig;
    private final ServingTls tls;
    private final KubeReviews reviews;
    private final ClientCertificateAuthenticator certificates;
    private final KubeAuthOptions kubeAuth;

    private ServingSecurity(WebConfigFile webConfig, ServingTls tls, KubeReviews reviews,
            ClientCertificateAuthenticator certificates, KubeAuthOptions kubeAuth) {
        this.webConfig = webConfig;
        this.tls = tls;
        this.reviews = reviews;
        this.certificates = certificates;
        this.kubeAuth = kubeAuth;
    }

    /** Plain HTTP, no auth: what node_exporter does without a web config. */
    public static ServingSecurity none() {
        return new ServingSecurity(null, null, null, null, null);
    }

    public static ServingSecurity configure(ServingOptions o) throws Exception {
        return configure(o, null);
    }

    /** @param reviewsOverride used instead of the Kubernetes client when non-null (tests) */
    public static ServingSecurity configure(ServingOptions o, KubeReviews reviewsOverride) throws Exception {
        WebConfigFile web = o.webConfigFile() == null ? null : WebConfigFile.open(o.webConfigFile());
        boolean webTls = web != null && web.state().tls() != null;
        boolean certFlags = o.tlsCertFile() != null || o.tlsKeyFile() != null;
        if (certFlags && (o.tlsCertFile() == null || o.tlsKeyFile() == null)) {
            throw new IllegalArgumentException("a TLS certificate file and a private key file must be given together");
        }
        int sources = (webTls ? 1 : 0) + (certFlags ? 1 : 0) + (o.selfSigned() ? 1 : 0);
        if (sources > 1) {
            throw new IllegalArgumentException("TLS is configured more than once: use one of the web config file's "
                    + "tls_server_config, a certificate and key file, or a self-signed certificate");
        }
        KubeAuthOptions kube = o.kubeAuth();
        boolean selfSigned = o.selfSigned();
        if (kube != null && sources == 0) {
            LOG.info("Kubernetes auth sends bearer tokens; serving TLS with a self-signed certificate");
            selfSigned = true;
        }

        ClientCertificateAuthenticator certificates = null;
        List<X509Certificate> clientCas = List.of();
        if (kube != null && kube.clientCaFile() != null) {
            clientCas = PemFiles.readCertificates(kube.clientCaFile());
            certificates = new ClientCertificateAuthenticator(clientCas);
            if (webTls && web.state().tls().clientAuth() == ClientAuth.NO_CLIENT_CERT) {
                LOG.warn("the client CA file has no effect: the web config's client_auth_type asks for no client certificate");
            }
        }

        TlsSource source = null;
        if (webTls) {
            source = web.tlsSource();
        } else if (certFlags) {
            TlsSource files = new CertificateFiles(o.tlsCertFile(), o.tlsKeyFile()).validate();
            source = withClientCas(files, clientCas);
        } else if (selfSigned) {
            PemFiles.KeyPair pair = SelfSignedCertificate.generate(
                    SelfSignedCertificate.kubeletStyleCommonName(o.selfSignedHost()), dnsNames(o.selfSignedHost()),
                    addresses(o.selfSignedAddresses()), Duration.ofDays(365));
            X509Certificate cert = pair.chain().get(0);
            LOG.info("Generated a self-signed serving certificate", "subject", cert.getSubjectX500Principal().getName(),
                    "sha256_fingerprint", SelfSignedCertificate.fingerprint(cert), "not_after", cert.getNotAfter().toInstant());
            source = withClientCas(TlsSource.fixed(TlsSettings.serving(pair)), clientCas);
        }
        ServingTls tls = source == null ? null : ServingTls.create(source);
        if (kube != null && tls == null) {
            throw new IllegalArgumentException("Kubernetes auth needs TLS");
        }

        KubeReviews reviews = null;
        if (kube != null) {
            KubeReviews raw = reviewsOverride != null ? reviewsOverride : KubeReviewsLoader.load(kube.client());
            reviews = new CachingKubeReviews(raw, kube.tokenCacheTtl(), kube.allowedCacheTtl(), kube.deniedCacheTtl());
            LOG.info("Kubernetes auth enabled", "node", kube.nodeName(),
                    "kubeconfig", kube.client().kubeconfig() == null ? "in-cluster" : kube.client().kubeconfig(),
                    "client_ca_file", kube.clientCaFile() == null ? "" : kube.clientCaFile());
        }
        return new ServingSecurity(web, tls, reviews, certificates, kube);
    }

    /** Asks for client certificates (without verifying them in TLS) when the kubelet-style x509 authenticator needs them. */
    private static TlsSource withClientCas(TlsSource base, List<X509Certificate> cas) {
        if (cas.isEmpty()) {
            return base;
        }
        return new TlsSource() {
            private TlsSettings last;
            private TlsSettings derived;

            @Override
            public synchronized TlsSettings current() throws Exception {
                TlsSettings s = base.current();
                if (s != last) {
                    last = s;
                    derived = s.withClientCertificates(ClientAuth.REQUEST_CLIENT_CERT, cas);
                }
                return derived;
            }
        };
    }

    public boolean tls() {
        return tls != null;
    }

    public HttpServer createServer(InetSocketAddress bind, int backlog) throws IOException {
        if (tls == null) {
            return HttpServer.create(bind, backlog);
        }
        HttpsServer s = HttpsServer.create(bind, backlog);
        s.setHttpsConfigurator(tls);
        return s;
    }

    /** The handler with the web config filter outside and the Kubernetes auth filter inside. */
    public HttpHandler wrap(HttpHandler handler) {
        return wrap(handler, p -> false);
    }

    /**
     * As {@link #wrap(HttpHandler)}, with {@code healthPaths} exempt from basic auth so that liveness and
     * readiness probes, which carry no credentials, keep working.
     */
    public HttpHandler wrap(HttpHandler handler, java.util.function.Predicate<String> healthPaths) {
        HttpHandler h = handler;
        if (kubeAuth != null) {
            h = new KubeAuthFilter(h, kubeAuth.protectedPath(), reviews, certificates, kubeAuth.nodeName());
        }
        if (webConfig != null) {
            java.util.function.Predicate<String> kubeProtected = kubeAuth == null ? p -> false : kubeAuth.protectedPath();
            h = new dev.nodepulse.kubelet.webconfig.WebConfigFilter(webConfig, h, healthPaths.or(kubeProtected));
        }
        return h;
    }

    private static List<String> dnsNames(String host) {
        Set<String> names = new LinkedHashSet<>();
        if (host != null && !host.isEmpty()) {
            names.add(host.toLowerCase(java.util.Locale.ROOT));
        }
        names.add("localhost");
        return new ArrayList<>(names);
    }

    private static List<String> addresses(List<String> extra) {
        Set<String> out = new LinkedHashSet<>(List.of("127.0.0.1", "::1"));
        if (extra != null) {
            out.addAll(extra);
        }
        return new ArrayList<>(out);
    }
}
