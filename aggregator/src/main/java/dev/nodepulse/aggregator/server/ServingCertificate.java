package dev.nodepulse.aggregator.server;

import dev.nodepulse.kubelet.tls.CertificateFiles;
import dev.nodepulse.kubelet.tls.PemFiles;
import dev.nodepulse.kubelet.tls.SelfSignedCertificate;
import dev.nodepulse.kubelet.tls.TlsSettings;
import dev.nodepulse.kubelet.tls.TlsSource;
import dev.nodepulse.log.Log;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

/**
 * The serving certificate as the generic API server chooses it: {@code --tls-cert-file}/{@code --tls-private-key-file}
 * (re-read on change), else {@code apiserver.crt}/{@code apiserver.key} in {@code --cert-dir}, made self-signed
 * for localhost/127.0.0.1 when absent (the APIService then uses insecureSkipTLSVerify, as metrics-server's does).
 * An unwritable cert dir keeps the pair in memory.
 */
public final class ServingCertificate {

    private static final Log LOG = Log.get(ServingCertificate.class);

    private ServingCertificate() {}

    public static TlsSource source(Path certFile, Path keyFile, Path certDir) throws Exception {
        if (certFile != null || keyFile != null) {
            if (certFile == null || keyFile == null) {
                throw new IllegalArgumentException("--tls-cert-file and --tls-private-key-file must be given together");
            }
            return new CertificateFiles(certFile, keyFile).validate();
        }
        if (certDir != null) {
            Path crt = certDir.resolve("apiserver.crt");
            Path key = certDir.resolve("apiserver.key");
            if (Files.isReadable(crt) && Files.isReadable(key)) {
                LOG.info("Using the serving certificate in the cert dir", "cert", crt);
                return new CertificateFiles(crt, key).validate();
            }
        }
        PemFiles.KeyPair pair = SelfSignedCertificate.generate(SelfSignedCertificate.kubeletStyleCommonName("localhost"),
                List.of("localhost"), List.of("127.0.0.1"), Duration.ofDays(365));
        X509Certificate cert = pair.chain().get(0);
        if (certDir != null) {
            try {
                Files.createDirectories(certDir);
                Files.writeString(certDir.resolve("apiserver.crt"), PemFiles.toPem("CERTIFICATE", cert.getEncoded()));
                Path key = certDir.resolve("apiserver.key");
                Files.writeString(key, PemFiles.toPem("PRIVATE KEY", pair.key().getEncoded()));
                try {
                    Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
            } catch (Exception e) {
                LOG.warn("Cannot write the self-signed pair to the cert dir; keeping it in memory", "dir", certDir,
                        "err", e.toString());
            }
        }
        LOG.info("Generated self-signed cert", "subject", cert.getSubjectX500Principal().getName(),
                "sha256_fingerprint", SelfSignedCertificate.fingerprint(cert));
        return TlsSource.fixed(TlsSettings.serving(pair));
    }
}
