package dev.nodepulse.agent.push;

import dev.nodepulse.cli.Flag;
import dev.nodepulse.cli.FlagSet;
import dev.nodepulse.cli.FlagValues;
import dev.nodepulse.kubelet.resource.ResourceMetrics;
import dev.nodepulse.kubelet.tls.PemFiles;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** {@code --push.*}: push this node's resource metrics to the aggregator instead of waiting to be scraped. */
public final class PushFlags {

    static final Path SA_TOKEN = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token");

    private PushFlags() {}

    public static void define(FlagSet f) {
        f.add(Flag.string("push.url", "", "Base URL of the nodepulse aggregator (https://host:port); when set, this node's "
                + "/metrics/resource is POSTed to <url>/push/v1/nodes/<node-name> every --push.interval."));
        f.add(Flag.duration("push.interval", "15s", "How often to push (the aggregator's --metric-resolution)."));
        f.add(Flag.string("push.bearer-token-file", "", "Bearer token for pushes, re-read before each push; default: the "
                + "pod's service account token when present (the aggregator accepts it for the node the pod runs on)."));
        f.add(Flag.string("push.client-cert-file", "", "Client certificate for pushes, e.g. the kubelet's client "
                + "certificate (CN system:node:<node-name>, O system:nodes)."));
        f.add(Flag.string("push.client-key-file", "", "Private key for --push.client-cert-file."));
        f.add(Flag.string("push.ca-file", "", "CA bundle that signs the aggregator's serving certificate; default: the "
                + "service account's ca.crt when present, else the JVM's trust store."));
    }

    /** Starts pushing when --push.url is set; null otherwise. */
    public static ResourcePusher start(FlagValues f, String nodeName, Supplier<ResourceMetrics> source) throws Exception {
        String url = f.string("push.url");
        if (url.isEmpty()) {
            return null;
        }
        URI base = URI.create(url);
        if (!"https".equals(base.getScheme()) && !"http".equals(base.getScheme())) {
            throw new IllegalArgumentException("--push.url must be an http(s) URL");
        }
        if (source == null) {
            throw new IllegalArgumentException("--push.url needs the agent's /metrics/resource data, which "
                    + "--no-cadvisor.enabled turns off");
        }
        Path token = f.string("push.bearer-token-file").isEmpty() ? (Files.isReadable(SA_TOKEN) ? SA_TOKEN : null)
                : Path.of(f.string("push.bearer-token-file"));
        String cert = f.string("push.client-cert-file");
        String key = f.string("push.client-key-file");
        if (cert.isEmpty() != key.isEmpty()) {
            throw new IllegalArgumentException("--push.client-cert-file and --push.client-key-file go together");
        }
        if (token == null && cert.isEmpty()) {
            throw new IllegalArgumentException("--push.url needs a credential: --push.bearer-token-file or --push.client-cert-file");
        }
        if (token != null && base.getScheme().equals("http")) {
            throw new IllegalArgumentException("refusing to send a bearer token over plain http: use an https --push.url");
        }
        return new ResourcePusher(base, nodeName, source, token, ssl(f.string("push.ca-file"), cert, key),
                f.duration("push.interval"));
    }

    static SSLContext ssl(String caFile, String cert, String key) throws Exception {
        TrustManagerFactory tmf = null;
        Path ca = !caFile.isEmpty() ? Path.of(caFile)
                : Files.isReadable(SA_TOKEN.resolveSibling("ca.crt")) ? SA_TOKEN.resolveSibling("ca.crt") : null;
        if (ca != null) {
            List<X509Certificate> cas = PemFiles.readCertificates(ca);
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            int i = 0;
            for (X509Certificate c : cas) {
                ks.setCertificateEntry("ca-" + i++, c);
            }
            tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(ks);
        }
        KeyManagerFactory kmf = null;
        if (!cert.isEmpty()) {
            PemFiles.KeyPair pair = PemFiles.readKeyPair(Path.of(cert), Path.of(key));
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("client", pair.key(), new char[0], pair.chain().toArray(new X509Certificate[0]));
            kmf = KeyManagerFactory.getInstance("PKIX");
            kmf.init(ks, new char[0]);
        }
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
        return ctx;
    }
}
