package dev.nodepulse.kubelet.webconfig;

import dev.nodepulse.kubelet.tls.ClientAuth;
import dev.nodepulse.kubelet.tls.FileStamps;
import dev.nodepulse.kubelet.tls.PemFiles;
import dev.nodepulse.kubelet.tls.ServingTls;
import dev.nodepulse.kubelet.tls.TlsSettings;
import dev.nodepulse.kubelet.tls.TlsSource;
import dev.nodepulse.log.Log;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * A --web.config.file kept current: validated in full when created (so a bad file stops the start-up, as
 * node_exporter's Validate does), then re-read whenever it or a certificate file it names changes. A file
 * that becomes invalid fails requests (500) and handshakes until it is fixed, as node_exporter does, rather
 * than quietly keeping users or certificates that were meant to go.
 */
public final class WebConfigFile {

    private static final Log LOG = Log.get(WebConfigFile.class);

    /** The parsed config with its TLS settings (null when the file configures no TLS), or why it is unusable. */
    public record Loaded(WebConfig config, TlsSettings tls, WebConfigException error) {}

    private final Path path;
    private FileStamps stamps;
    private Loaded loaded;

    private WebConfigFile(Path path) {
        this.path = path;
    }

    public static WebConfigFile open(Path path) throws WebConfigException {
        WebConfigFile f = new WebConfigFile(path);
        Loaded l = f.state();
        if (l.error() != null) {
            throw l.error();
        }
        return f;
    }

    public Path path() {
        return path;
    }

    public synchronized Loaded state() {
        List<Path> watched = new ArrayList<>();
        watched.add(path);
        if (loaded != null && loaded.config() != null) {
            WebConfig.Tls t = loaded.config().tls();
            for (String f : List.of(t.certFile(), t.keyFile(), t.clientCaFile())) {
                if (!f.isEmpty()) {
                    watched.add(Path.of(f));
                }
            }
        }
        FileStamps now = FileStamps.of(watched);
        if (loaded == null || !now.equals(stamps)) {
            boolean first = loaded == null;
            loaded = load();
            // The referenced files may have changed names; stamp what the new config refers to.
            stamps = loaded.config() == null ? now : FileStamps.of(referenced(loaded.config()));
            if (!first) {
                if (loaded.error() != null) {
                    LOG.error("web config file is invalid; requests fail until it is fixed", "file", path,
                            "err", loaded.error().getMessage());
                } else {
                    LOG.info("web config file reloaded", "file", path);
                }
            }
        }
        return loaded;
    }

    /** The TLS side of the file, asked per connection; fails while the file is broken or configures no TLS. */
    public TlsSource tlsSource() {
        return this::tls;
    }

    private TlsSettings tls() throws WebConfigException {
        Loaded l = state();
        if (l.error() != null) {
            throw l.error();
        }
        if (l.tls() == null) {
            throw new WebConfigException("TLS config is not present");
        }
        return l.tls();
    }

    private List<Path> referenced(WebConfig c) {
        List<Path> out = new ArrayList<>();
        out.add(path);
        for (String f : List.of(c.tls().certFile(), c.tls().keyFile(), c.tls().clientCaFile())) {
            if (!f.isEmpty()) {
                out.add(Path.of(f));
            }
        }
        return out;
    }

    private Loaded load() {
        WebConfig c = null;
        try {
            String text = Files.readString(path, StandardCharsets.UTF_8);
            c = WebConfigParser.parse(text, path.toAbsolutePath().getParent());
            return new Loaded(c, tlsSettings(c.tls()), null);
        } catch (IOException e) {
            return new Loaded(c, null, new WebConfigException("cannot read web config file " + path + ": " + e.getMessage(), e));
        } catch (WebConfigException e) {
            return new Loaded(c, null, e);
        }
    }

    /** exporter-toolkit's ConfigToTLSConfig: null when no TLS field is set. */
    static TlsSettings tlsSettings(WebConfig.Tls t) throws WebConfigException {
        if (!t.enabled()) {
            return null;
        }
        if (t.certFile().isEmpty() && t.cert().isEmpty()) {
            throw new WebConfigException("missing one of cert or cert_file");
        }
        if (t.keyFile().isEmpty() && t.key().isEmpty()) {
            throw new WebConfigException("missing one of key or key_file");
        }
        String certPem = t.certFile().isEmpty() ? t.cert() : read(t.certFile(), "cert_file");
        String keyPem = t.keyFile().isEmpty() ? t.key() : read(t.keyFile(), "key_file");
        PemFiles.KeyPair pair;
        try {
            pair = PemFiles.keyPair(certPem, keyPem);
        } catch (Exception e) {
            throw new WebConfigException("failed to load X509KeyPair: " + e.getMessage(), e);
        }
        List<X509Certificate> cas = List.of();
        boolean caConfigured = !t.clientCaFile().isEmpty() || !t.clientCa().isEmpty();
        if (caConfigured) {
            String caPem = t.clientCaFile().isEmpty() ? t.clientCa() : read(t.clientCaFile(), "client_ca_file");
            try {
                cas = PemFiles.certificates(caPem);
            } catch (Exception e) {
                throw new WebConfigException("client CA: " + e.getMessage(), e);
            }
        }
        ClientAuth auth;
        try {
            auth = ClientAuth.parse(t.clientAuthType());
        } catch (IllegalArgumentException e) {
            throw new WebConfigException(e.getMessage());
        }
        if (caConfigured && auth == ClientAuth.NO_CLIENT_CERT) {
            throw new WebConfigException("client CA's have been configured without a Client Auth Policy");
        }
        List<String> protocols = new ArrayList<>();
        String[] versions = {"TLS10", "TLS11", "TLS12", "TLS13"};
        String[] jdk = {"TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"};
        for (int i = 0; i < versions.length; i++) {
            if (versions[i].compareTo(t.minVersion()) >= 0 && versions[i].compareTo(t.maxVersion()) <= 0) {
                protocols.add(jdk[i]);
            }
        }
        List<String> groups = new ArrayList<>();
        for (String c : t.curvePreferences()) {
            groups.add(ServingTls.namedGroup(c));
        }
        return new TlsSettings(pair, cas, auth, protocols, t.cipherSuites().isEmpty() ? null : t.cipherSuites(), groups,
                t.preferServerCipherSuites(), t.clientAllowedSans());
    }

    private static String read(String file, String what) throws WebConfigException {
        try {
            return Files.readString(Path.of(file), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new WebConfigException("failed to read " + what + " (" + file + "): " + e.getMessage(), e);
        }
    }
}
