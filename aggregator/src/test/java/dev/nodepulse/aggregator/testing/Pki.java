package dev.nodepulse.aggregator.testing;

import dev.nodepulse.kubelet.tls.PemFiles;
import dev.nodepulse.kubelet.tls.SelfSignedCertificate;
import dev.nodepulse.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/** The certificates of a cluster as the aggregator meets them, written to files under a test directory. */
public final class Pki {

    public final PemFiles.KeyPair frontProxyCa;
    public final PemFiles.KeyPair frontProxyClient;
    public final PemFiles.KeyPair frontProxyRogue;
    public final PemFiles.KeyPair clusterCa;
    public final PemFiles.KeyPair serving;
    public final Path dir;

    public Pki(Path dir) throws Exception {
        this.dir = dir;
        frontProxyCa = TestPki.ca("front-proxy-ca");
        frontProxyClient = TestPki.issue(frontProxyCa, "front-proxy-client", List.of(), KeyPurposeId.id_kp_clientAuth, List.of());
        frontProxyRogue = TestPki.issue(frontProxyCa, "not-the-front-proxy", List.of(), KeyPurposeId.id_kp_clientAuth, List.of());
        clusterCa = TestPki.ca("kubernetes-ca");
        serving = SelfSignedCertificate.generate("nodepulse-aggregator", List.of("localhost"), List.of("127.0.0.1"),
                Duration.ofDays(1));
        write("front-proxy-ca.crt", frontProxyCa);
        write("client-ca.crt", clusterCa);
        Files.writeString(dir.resolve("serving.crt"), PemFiles.toPem("CERTIFICATE", serving.chain().get(0).getEncoded()));
        Files.writeString(dir.resolve("serving.key"), PemFiles.toPem("PRIVATE KEY", serving.key().getEncoded()));
    }

    public PemFiles.KeyPair clusterClient(String cn, List<String> orgs) throws Exception {
        return TestPki.issue(clusterCa, cn, orgs, KeyPurposeId.id_kp_clientAuth, List.of());
    }

    public String pem(PemFiles.KeyPair p) throws Exception {
        return PemFiles.toPem("CERTIFICATE", p.chain().get(0).getEncoded());
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    /** Writes a key pair as NAME.crt / NAME.key. */
    public Path writePair(String name, PemFiles.KeyPair p) throws Exception {
        Files.writeString(dir.resolve(name + ".crt"), pem(p));
        Files.writeString(dir.resolve(name + ".key"), PemFiles.toPem("PRIVATE KEY", p.key().getEncoded()));
        return dir.resolve(name + ".crt");
    }

    private void write(String name, PemFiles.KeyPair ca) throws Exception {
        Files.writeString(dir.resolve(name), pem(ca));
    }
}
