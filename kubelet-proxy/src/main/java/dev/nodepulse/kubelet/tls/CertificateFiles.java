package dev.nodepulse.kubelet.tls;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Serving TLS from PEM files named on the command line (the kubelet's --tls-cert-file and
 * --tls-private-key-file), re-read when one of them changes, so a rotated certificate is served without a
 * restart. A file that fails to load fails new handshakes until it is fixed, rather than silently serving
 * the old pair.
 */
public final class CertificateFiles implements TlsSource {

    private final Path certFile;
    private final Path keyFile;
    private FileStamps stamps;
    private TlsSettings settings;
    private Exception failure;

    public CertificateFiles(Path certFile, Path keyFile) {
        this.certFile = certFile;
        this.keyFile = keyFile;
    }

    /** Loads the pair once; a start-up with unusable files fails here, before anything listens. */
    public CertificateFiles validate() throws Exception {
        current();
        return this;
    }

    @Override
    public synchronized TlsSettings current() throws Exception {
        List<Path> files = new ArrayList<>(List.of(certFile, keyFile));
        FileStamps now = FileStamps.of(files);
        if (!now.equals(stamps)) {
            stamps = now;
            try {
                settings = TlsSettings.serving(PemFiles.readKeyPair(certFile, keyFile));
                failure = null;
            } catch (Exception e) {
                settings = null;
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return settings;
    }
}
