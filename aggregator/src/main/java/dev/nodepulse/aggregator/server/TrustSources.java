package dev.nodepulse.aggregator.server;

import dev.nodepulse.aggregator.cluster.KubeApi;
import dev.nodepulse.kubelet.auth.ClientCertificateAuthenticator;
import dev.nodepulse.kubelet.auth.RequestHeaderAuthenticator;
import dev.nodepulse.kubelet.auth.RequestHeaderConfig;
import dev.nodepulse.kubelet.tls.ClientAuth;
import dev.nodepulse.kubelet.tls.PemFiles;
import dev.nodepulse.kubelet.tls.TlsSettings;
import dev.nodepulse.kubelet.tls.TlsSource;
import dev.nodepulse.log.Log;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * The client-certificate trust of the server: the client CA and the front-proxy (request-header) settings, from
 * flags or, where a flag is absent, from {@code kube-system/extension-apiserver-authentication}, re-read
 * periodically so that a rotated front-proxy CA is picked up (as the generic API server's dynamic CA
 * controllers do). TLS asks every client for a certificate issued by either CA; the authenticators verify it.
 */
public final class TrustSources {

    private static final Log LOG = Log.get(TrustSources.class);

    /** The flag values; null fields fall back to the ConfigMap. */
    public record Flags(List<X509Certificate> clientCa, List<X509Certificate> requestHeaderCa, List<String> allowedNames,
            boolean allowedNamesSet, List<String> usernameHeaders, List<String> groupHeaders,
            List<String> extraHeaderPrefixes, List<String> uidHeaders) {}

    private record State(RequestHeaderAuthenticator requestHeader, ClientCertificateAuthenticator clientCerts,
            List<X509Certificate> allCas, String fingerprint) {}

    private final Flags flags;
    private final KubeApi api;
    private volatile State state;

    /** @param api null to skip the ConfigMap lookup */
    public TrustSources(Flags flags, KubeApi api) {
        this.flags = flags;
        this.api = api;
    }

    /** Loads once; throws when the ConfigMap is needed and cannot be read (unless tolerated by the caller). */
    public TrustSources load() throws Exception {
        AuthenticationConfigMap cm = null;
        boolean needed = flags.clientCa() == null || flags.requestHeaderCa() == null;
        if (api != null && needed) {
            cm = AuthenticationConfigMap.read(api);
        }
        List<X509Certificate> clientCa = flags.clientCa();
        if (clientCa == null && cm != null && cm.clientCa() != null) {
            clientCa = PemFiles.certificates(cm.clientCa());
        }
        RequestHeaderAuthenticator rh = null;
        if (flags.requestHeaderCa() != null) {
            rh = new RequestHeaderAuthenticator(new RequestHeaderConfig(flags.requestHeaderCa(), flags.allowedNames(),
                    flags.usernameHeaders(), flags.groupHeaders(), flags.extraHeaderPrefixes(), flags.uidHeaders()));
        } else if (cm != null && cm.requestHeaderCa() != null && !cm.requestHeaderCa().isBlank()) {
            rh = new RequestHeaderAuthenticator(new RequestHeaderConfig(PemFiles.certificates(cm.requestHeaderCa()),
                    flags.allowedNamesSet() ? flags.allowedNames() : cm.allowedNames(),
                    nonEmpty(cm.usernameHeaders(), flags.usernameHeaders()), nonEmpty(cm.groupHeaders(), flags.groupHeaders()),
                    nonEmpty(cm.extraHeaderPrefixes(), flags.extraHeaderPrefixes()),
                    nonEmpty(cm.uidHeaders(), flags.uidHeaders())));
        }
        ClientCertificateAuthenticator cc = clientCa == null || clientCa.isEmpty() ? null
                : new ClientCertificateAuthenticator(clientCa);
        List<X509Certificate> all = new ArrayList<>();
        if (clientCa != null) {
            all.addAll(clientCa);
        }
        if (rh != null) {
            all.addAll(rh.config().cas());
        }
        String fp = fingerprint(all, rh);
        State old = state;
        if (old == null || !old.fingerprint().equals(fp)) {
            state = new State(rh, cc, List.copyOf(all), fp);
            if (old != null) {
                LOG.info("Reloaded client CA / front-proxy settings", "cas", all.size());
            }
        }
        return this;
    }

    /** Re-reads the ConfigMap; keeps the last good state on failure. */
    public void refresh() {
        try {
            load();
        } catch (Exception e) {
            LOG.warn("Unable to re-read the authentication ConfigMap; keeping the previous settings", "err", e.toString());
        }
    }

    public boolean usesConfigMap() {
        return api != null && (flags.clientCa() == null || flags.requestHeaderCa() == null);
    }

    public RequestHeaderAuthenticator requestHeader() {
        State s = state;
        return s == null ? null : s.requestHeader();
    }

    public ClientCertificateAuthenticator clientCertificates() {
        State s = state;
        return s == null ? null : s.clientCerts();
    }

    /** The serving settings with client certificates requested from both CAs (verification is the authenticators'). */
    public TlsSource tls(TlsSource base) {
        return new TlsSource() {
            private TlsSettings lastBase;
            private State lastState;
            private TlsSettings derived;

            @Override
            public synchronized TlsSettings current() throws Exception {
                TlsSettings b = base.current();
                State s = state;
                if (b != lastBase || s != lastState) {
                    lastBase = b;
                    lastState = s;
                    List<X509Certificate> cas = s == null ? List.of() : s.allCas();
                    derived = cas.isEmpty() ? b : b.withClientCertificates(ClientAuth.REQUEST_CLIENT_CERT, cas);
                }
                return derived;
            }
        };
    }

    private static List<String> nonEmpty(List<String> a, List<String> fallback) {
        return a == null || a.isEmpty() ? fallback : a;
    }

    private static String fingerprint(List<X509Certificate> cas, RequestHeaderAuthenticator rh) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (X509Certificate c : cas) {
            sb.append(java.util.Base64.getEncoder().encodeToString(c.getEncoded())).append('|');
        }
        if (rh != null) {
            sb.append(rh.config().allowedNames()).append(rh.config().usernameHeaders()).append(rh.config().groupHeaders())
                    .append(rh.config().extraHeaderPrefixes()).append(rh.config().uidHeaders());
        }
        return sb.toString();
    }
}
