package dev.nodepulse.kubelet.tls;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import dev.nodepulse.log.Log;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A JDK {@code HttpsServer} configurator whose key, client-certificate policy and protocol limits follow a
 * {@link TlsSource} connection by connection, as node_exporter re-reads its web config for every handshake.
 */
public final class ServingTls extends HttpsConfigurator {

    private static final Log LOG = Log.get(ServingTls.class);
    /** Go's tls.CipherSuites() names that the JDK also implements; the web config accepts exactly these. */
    private static final Set<String> GO_CIPHER_SUITES = Set.of(
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_256_CBC_SHA", "TLS_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_RSA_WITH_AES_256_GCM_SHA384");
    private static final List<String> TLS13_SUITES = List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256");

    private final TlsSource source;

    private ServingTls(SSLContext context, TlsSource source) {
        super(context);
        this.source = source;
    }

    public static ServingTls create(TlsSource source) throws GeneralSecurityException {
        Holder holder = new Holder(source);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(new javax.net.ssl.KeyManager[] {new KeyManager(holder)},
                new javax.net.ssl.TrustManager[] {new TrustManager(holder)}, null);
        return new ServingTls(ctx, source);
    }

    /** Whether a Go cipher suite name is one the web config may list. */
    public static boolean knownCipherSuite(String name) {
        return GO_CIPHER_SUITES.contains(name);
    }

    /** Go curve names to the JDK's named groups, or null when unknown. */
    public static String namedGroup(String goCurve) {
        return switch (goCurve) {
            case "CurveP256" -> "secp256r1";
            case "CurveP384" -> "secp384r1";
            case "CurveP521" -> "secp521r1";
            case "X25519" -> "x25519";
            default -> null;
        };
    }

    @Override
    public void configure(HttpsParameters params) {
        SSLParameters p = getSSLContext().getDefaultSSLParameters();
        TlsSettings s;
        try {
            s = source.current();
        } catch (Exception e) {
            // The key manager refuses this handshake for the same reason.
            params.setSSLParameters(p);
            return;
        }
        p.setProtocols(s.protocols().toArray(new String[0]));
        if (s.cipherSuites() != null && !s.cipherSuites().isEmpty()) {
            Set<String> suites = new LinkedHashSet<>(s.cipherSuites());
            suites.addAll(TLS13_SUITES);
            p.setCipherSuites(suites.toArray(new String[0]));
        }
        p.setUseCipherSuitesOrder(s.preferServerCipherSuites());
        if (s.clientAuth().requires()) {
            p.setNeedClientAuth(true);
        } else if (s.clientAuth() != ClientAuth.NO_CLIENT_CERT) {
            p.setWantClientAuth(true);
        }
        if (!s.namedGroups().isEmpty()) {
            setNamedGroups(p, s.namedGroups());
        }
        params.setSSLParameters(p);
    }

    private static volatile boolean warnedGroups;

    private static void setNamedGroups(SSLParameters p, List<String> groups) {
        try {
            // SSLParameters.setNamedGroups exists from Java 20 on.
            SSLParameters.class.getMethod("setNamedGroups", String[].class).invoke(p, (Object) groups.toArray(new String[0]));
        } catch (ReflectiveOperationException e) {
            if (!warnedGroups) {
                warnedGroups = true;
                LOG.warn("curve_preferences needs Java 20 or newer; using the JDK's default groups",
                        "java", System.getProperty("java.version"));
            }
        }
    }

    /** The current settings and the JSSE objects derived from them, rebuilt when the settings instance changes. */
    private static final class Holder {
        private final TlsSource source;
        private final AtomicLong generations = new AtomicLong();
        /** Recent identities by alias, so a handshake that straddles a reload still gets a matching key and chain. */
        private final Map<String, PemFiles.KeyPair> identities = new LinkedHashMap<>(8, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PemFiles.KeyPair> eldest) {
                return size() > 4;
            }
        };
        private TlsSettings settings;
        private String alias;
        private X509ExtendedTrustManager verifier;

        Holder(TlsSource source) {
            this.source = source;
        }

        synchronized TlsSettings settings() throws Exception {
            TlsSettings s = source.current();
            if (s != settings) {
                settings = s;
                alias = "identity-" + generations.incrementAndGet();
                identities.put(alias, s.identity());
                verifier = s.clientAuth().verifies() ? pkix(s.clientCas()) : null;
            }
            return s;
        }

        synchronized String alias() {
            return alias;
        }

        synchronized PemFiles.KeyPair identity(String a) {
            return identities.get(a);
        }

        synchronized X509ExtendedTrustManager verifier() {
            return verifier;
        }

        private static X509ExtendedTrustManager pkix(List<X509Certificate> cas) throws GeneralSecurityException {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try {
                ks.load(null, null);
            } catch (java.io.IOException e) {
                throw new GeneralSecurityException(e);
            }
            int i = 0;
            for (X509Certificate ca : cas) {
                ks.setCertificateEntry("ca-" + i++, ca);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(ks);
            for (javax.net.ssl.TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509ExtendedTrustManager x) {
                    return x;
                }
            }
            throw new GeneralSecurityException("no X509 trust manager");
        }
    }

    private static final class KeyManager extends X509ExtendedKeyManager {
        private final Holder holder;

        KeyManager(Holder holder) {
            this.holder = holder;
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            TlsSettings s;
            try {
                s = holder.settings();
            } catch (Exception e) {
                LOG.error("TLS handshake refused: no usable serving configuration", "err", e.getMessage());
                return null;
            }
            return compatible(s.identity().key(), keyType) ? holder.alias() : null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return chooseEngineServerAlias(keyType, issuers, null);
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            PemFiles.KeyPair id = holder.identity(alias);
            return id == null ? null : id.chain().toArray(new X509Certificate[0]);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            PemFiles.KeyPair id = holder.identity(alias);
            return id == null ? null : id.key();
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            String a = chooseEngineServerAlias(keyType, issuers, null);
            return a == null ? null : new String[] {a};
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        /** JSSE asks by key type: "RSA", "EC", "EC_EC", "RSASSA-PSS", "EdDSA", ... */
        private static boolean compatible(PrivateKey key, String keyType) {
            String alg = key.getAlgorithm();
            if (keyType.equals(alg) || keyType.startsWith(alg + "_")) {
                return true;
            }
            return switch (alg) {
                case "RSA" -> keyType.equals("RSASSA-PSS");
                case "Ed25519", "Ed448", "EdDSA" -> keyType.equals("EdDSA") || keyType.equals("Ed25519")
                        || keyType.equals("Ed448");
                default -> false;
            };
        }
    }

    private static final class TrustManager extends X509ExtendedTrustManager {
        private final Holder holder;

        TrustManager(Holder holder) {
            this.holder = holder;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            TlsSettings s;
            try {
                s = holder.settings();
            } catch (Exception e) {
                throw new CertificateException("no usable TLS configuration: " + e.getMessage());
            }
            X509ExtendedTrustManager verifier = holder.verifier();
            if (verifier != null) {
                verifier.checkClientTrusted(chain, authType, engine);
            }
            if (s.allowedSans() != null) {
                checkSans(chain[0], s.allowedSans());
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            checkClientTrusted(chain, authType, (SSLEngine) null);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            checkClientTrusted(chain, authType, (SSLEngine) null);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("server role only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("server role only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("server role only");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            try {
                return holder.settings().clientCas().toArray(new X509Certificate[0]);
            } catch (Exception e) {
                return new X509Certificate[0];
            }
        }

        /** IP SANs compare as addresses: Go writes "::1" where the JDK reports "0:0:0:0:0:0:0:1". */
        private static boolean sameAddress(String a, String b) {
            if (!a.contains(":") || !b.contains(":") || !a.matches("[0-9A-Fa-f:.]+") || !b.matches("[0-9A-Fa-f:.]+")) {
                return false;
            }
            try {
                // Literal addresses only (checked above), so no name is ever looked up.
                return java.net.InetAddress.getByName(a).equals(java.net.InetAddress.getByName(b));
            } catch (java.net.UnknownHostException e) {
                return false;
            }
        }

        /** exporter-toolkit's client_allowed_sans: DNS, e-mail, IP and URI SANs, one must be listed. */
        private static void checkSans(X509Certificate cert, List<String> allowed) throws CertificateException {
            List<String> found = new ArrayList<>();
            try {
                Collection<List<?>> sans = cert.getSubjectAlternativeNames();
                if (sans != null) {
                    for (List<?> san : sans) {
                        int type = (Integer) san.get(0);
                        if (type == 1 || type == 2 || type == 6 || type == 7) {
                            found.add(String.valueOf(san.get(1)));
                        }
                    }
                }
            } catch (CertificateParsingException e) {
                throw new CertificateException("error parsing client certificate: " + e.getMessage());
            }
            for (String f : found) {
                for (String a : allowed) {
                    if (a.equals(f) || sameAddress(a, f)) {
                        return;
                    }
                }
            }
            throw new CertificateException("could not find allowed SANs in client cert, found: " + allowed);
        }
    }
}
