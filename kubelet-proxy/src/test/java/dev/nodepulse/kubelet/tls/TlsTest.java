package dev.nodepulse.kubelet.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpsServer;
import dev.nodepulse.http.Responses;
import dev.nodepulse.testing.TlsClients;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsTest {

    @TempDir
    Path dir;

    @Test
    void selfSignedPairServesTlsAndItsFingerprintIsOpenssls() throws Exception {
        PemFiles.KeyPair pair = SelfSignedCertificate.generate("worker-1@1", List.of("worker-1", "localhost"),
                List.of("127.0.0.1", "::1"), Duration.ofDays(365));
        X509Certificate cert = pair.chain().get(0);
        assertEquals("CN=worker-1@1", cert.getSubjectX500Principal().getName());
        cert.verify(cert.getPublicKey());
        List<String> sans = new ArrayList<>();
        for (List<?> san : cert.getSubjectAlternativeNames()) {
            sans.add(san.get(1).toString());
        }
        assertEquals(List.of("worker-1", "localhost", "127.0.0.1", "0:0:0:0:0:0:0:1"), sans);
        assertEquals(List.of("1.3.6.1.5.5.7.3.1"), cert.getExtendedKeyUsage());
        assertEquals(-1, cert.getBasicConstraints());
        long days = Duration.between(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant()).toDays();
        assertEquals(365, days);

        try (Server s = new Server(TlsSource.fixed(TlsSettings.serving(pair)))) {
            var r = TlsClients.get(TlsClients.trusting(cert), s.url(), Map.of());
            assertEquals(200, r.statusCode());
            assertEquals("ok", r.body());
        }

        Path pem = dir.resolve("cert.pem");
        Files.writeString(pem, PemFiles.toPem("CERTIFICATE", cert.getEncoded()));
        String openssl = run("openssl", "x509", "-in", pem.toString(), "-noout", "-fingerprint", "-sha256");
        assumeTrue(openssl != null, "openssl not available");
        assertEquals("sha256 Fingerprint=" + SelfSignedCertificate.fingerprint(cert), openssl.trim().replace("SHA256", "sha256"));
    }

    @Test
    void readsOpensslKeysInEveryPemFormGoAccepts() throws Exception {
        assumeTrue(run("openssl", "version") != null, "openssl not available");
        record Case(String name, String[] genKey) {}
        List<Case> cases = List.of(
                new Case("pkcs1-rsa", new String[] {"openssl", "genrsa", "-traditional", "-out", "KEY", "2048"}),
                new Case("sec1-ec", new String[] {"openssl", "ecparam", "-name", "prime256v1", "-genkey", "-out", "KEY"}),
                new Case("pkcs8-ec", new String[] {"openssl", "genpkey", "-algorithm", "EC", "-pkeyopt",
                        "ec_paramgen_curve:P-384", "-out", "KEY"}),
                new Case("pkcs8-ed25519", new String[] {"openssl", "genpkey", "-algorithm", "ED25519", "-out", "KEY"}));
        for (Case c : cases) {
            Path key = dir.resolve(c.name() + ".key");
            Path crt = dir.resolve(c.name() + ".crt");
            String[] gen = c.genKey().clone();
            for (int i = 0; i < gen.length; i++) {
                gen[i] = gen[i].replace("KEY", key.toString());
            }
            assertTrue(run(gen) != null, c.name());
            assertTrue(run("openssl", "req", "-x509", "-new", "-key", key.toString(), "-out", crt.toString(), "-days", "2",
                    "-subj", "/CN=" + c.name(), "-addext", "subjectAltName=IP:127.0.0.1") != null, c.name());
            PemFiles.KeyPair pair = PemFiles.readKeyPair(crt, key);
            assertEquals("CN=" + c.name(), pair.chain().get(0).getSubjectX500Principal().getName());
            if (c.name().startsWith("pkcs8-ed")) {
                continue; // the JDK's TLS 1.3 server cannot sign with EdDSA keys; loading is what matters here
            }
            try (Server s = new Server(new CertificateFiles(crt, key).validate())) {
                assertEquals(200, TlsClients.get(TlsClients.trusting(pair.chain().get(0)), s.url(), Map.of()).statusCode(),
                        c.name());
            }
        }
        // A key from one pair with the certificate of another is refused, as Go refuses it.
        Exception e = assertThrows(Exception.class,
                () -> PemFiles.readKeyPair(dir.resolve("sec1-ec.crt"), dir.resolve("pkcs1-rsa.key")));
        assertEquals("private key does not match public key", e.getMessage());
    }

    @Test
    void rotatedCertificateFilesAreServedWithoutARestart() throws Exception {
        Path crt = dir.resolve("tls.crt");
        Path key = dir.resolve("tls.key");
        PemFiles.KeyPair first = write(crt, key, "first");
        CertificateFiles files = new CertificateFiles(crt, key).validate();
        try (Server s = new Server(files)) {
            assertEquals(200, TlsClients.get(TlsClients.trusting(first.chain().get(0)), s.url(), Map.of()).statusCode());
            Thread.sleep(20);
            PemFiles.KeyPair second = write(crt, key, "second");
            assertEquals(200, TlsClients.get(TlsClients.trusting(second.chain().get(0)), s.url(), Map.of()).statusCode());
            Exception old = assertThrows(Exception.class,
                    () -> TlsClients.get(TlsClients.trusting(first.chain().get(0)), s.url(), Map.of()));
            assertTrue(old.toString().contains("SSL") || old.toString().contains("certificate"), old.toString());
            // A broken key file fails new handshakes instead of serving a stale pair.
            Files.writeString(key, "garbage");
            assertThrows(Exception.class, () -> TlsClients.get(TlsClients.trusting(second.chain().get(0)), s.url(), Map.of()));
        }
    }

    @Test
    void clientAuthTypesFromTheWebConfig() {
        assertEquals(ClientAuth.NO_CLIENT_CERT, ClientAuth.parse(""));
        assertEquals(ClientAuth.REQUIRE_ANY_CLIENT_CERT, ClientAuth.parse("RequireClientCert"));
        assertEquals(ClientAuth.REQUIRE_AND_VERIFY_CLIENT_CERT, ClientAuth.parse("RequireAndVerifyClientCert"));
        assertEquals("invalid ClientAuth: Sometimes",
                assertThrows(IllegalArgumentException.class, () -> ClientAuth.parse("Sometimes")).getMessage());
    }

    private static PemFiles.KeyPair write(Path crt, Path key, String cn) throws Exception {
        PemFiles.KeyPair p = SelfSignedCertificate.generate(cn, List.of(), List.of("127.0.0.1"), Duration.ofDays(1));
        Files.writeString(crt, PemFiles.toPem("CERTIFICATE", p.chain().get(0).getEncoded()));
        Files.writeString(key, PemFiles.toPem("PRIVATE KEY", p.key().getEncoded()));
        return p;
    }

    static String run(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? out : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** A JDK HTTPS server on 127.0.0.1 answering "ok". */
    static final class Server implements AutoCloseable {
        final HttpsServer server;

        Server(TlsSource source) throws Exception {
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
            server.setHttpsConfigurator(ServingTls.create(source));
            server.createContext("/", ex -> Responses.send(ex, 200, "text/plain", "ok".getBytes()));
            server.start();
        }

        String url() {
            return "https://127.0.0.1:" + server.getAddress().getPort() + "/";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
