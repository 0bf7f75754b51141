package dev.nodepulse.kubelet.webconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.nodepulse.http.Responses;
import dev.nodepulse.kubelet.serve.ServingOptions;
import dev.nodepulse.kubelet.serve.ServingSecurity;
import dev.nodepulse.kubelet.tls.ClientAuth;
import dev.nodepulse.kubelet.tls.PemFiles;
import dev.nodepulse.kubelet.tls.SelfSignedCertificate;
import dev.nodepulse.testing.TestPki;
import dev.nodepulse.testing.TlsClients;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebConfigTest {

    /** bcrypt("fakepassword") from exporter-toolkit; any bcrypt implementation must accept it. */
    private static final String FAKEPASSWORD = "$2y$10$QOauhQNbBCuQDKes6eFzPeMqBSjb7Mr5DUmpZ/VcEd00UAV/LDeSi";

    @TempDir
    Path dir;

    @Test
    void parsesEveryKeyWithGoDefaults() throws Exception {
        WebConfig c = WebConfigParser.parse("""
                tls_server_config:
                  cert_file: server.crt
                  key_file: /abs/server.key
                  client_auth_type: RequireAndVerifyClientCert
                  client_ca_file: ca.crt
                  cipher_suites: [TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256]
                  curve_preferences: [X25519, CurveP256]
                  min_version: TLS13
                  prefer_server_cipher_suites: no
                  client_allowed_sans: ["127.0.0.1"]
                http_server_config:
                  http2: false
                  headers:
                    X-Frame-Options: deny
                    Strict-Transport-Security: max-age=31536000
                rate_limit:
                  interval: 1s
                  burst: 10
                basic_auth_users:
                  alice: $2y$10$QOauhQNbBCuQDKes6eFzPeMqBSjb7Mr5DUmpZ/VcEd00UAV/LDeSi
                """, dir);
        assertEquals(dir.resolve("server.crt").toString(), c.tls().certFile());
        assertEquals("/abs/server.key", c.tls().keyFile());
        assertEquals(dir.resolve("ca.crt").toString(), c.tls().clientCaFile());
        assertEquals("TLS13", c.tls().minVersion());
        assertEquals("TLS13", c.tls().maxVersion());
        assertFalse(c.tls().preferServerCipherSuites());
        assertEquals(List.of("X25519", "CurveP256"), c.tls().curvePreferences());
        assertEquals(List.of("127.0.0.1"), c.tls().clientAllowedSans());
        assertFalse(c.http().http2());
        assertEquals("deny", c.http().headers().get("X-Frame-Options"));
        assertEquals(Duration.ofSeconds(1), c.rateLimit().interval());
        assertEquals(10, c.rateLimit().burst());
        assertEquals(FAKEPASSWORD, c.users().get("alice"));

        WebConfig empty = WebConfigParser.parse("", dir);
        assertFalse(empty.tls().enabled());
        assertTrue(empty.users().isEmpty());
        assertTrue(empty.http().http2());
        assertEquals("TLS12", empty.tls().minVersion());
        assertNull(empty.tls().clientAllowedSans());
    }

    @Test
    void rejectsWhatExporterToolkitRejects() {
        assertError("field nope not found in type web.Config", "nope: 1\n");
        assertError("field cert_fil not found in type web.TLSConfig", "tls_server_config:\n  cert_fil: x\n");
        assertError("already set in map", "basic_auth_users:\n  a: " + FAKEPASSWORD + "\n  a: " + FAKEPASSWORD + "\n");
        assertError("unknown cipher: TLS_RSA_WITH_RC4_128_SHA", "tls_server_config:\n  cipher_suites: [TLS_RSA_WITH_RC4_128_SHA]\n");
        assertError("unknown curve: P256", "tls_server_config:\n  curve_preferences: [P256]\n");
        assertError("unknown TLS version: TLS1.2", "tls_server_config:\n  min_version: TLS1.2\n");
        assertError("HTTP header \"Server\" can not be configured", "http_server_config:\n  headers:\n    Server: x\n");
        assertError("invalid value for X-Frame-Options. Expected one of: [\"deny\" \"sameorigin\"], but got: \"allow\"",
                "http_server_config:\n  headers:\n    X-Frame-Options: allow\n");
        assertError("is not a bcrypt hash", "basic_auth_users:\n  bob: plaintext\n");
        assertError("cost 3 is outside", "basic_auth_users:\n  bob: " + FAKEPASSWORD.replace("$10$", "$03$") + "\n");
        assertError("cannot unmarshal !!str `maybe` into bool", "http_server_config:\n  http2: maybe\n");
        assertError("cannot unmarshal !!seq into string", "tls_server_config:\n  cert_file: [a]\n");
        assertError("yaml:", "tls_server_config: [\n");
    }

    @Test
    void tlsSettingsFollowConfigToTlsConfig() throws Exception {
        PemFiles.KeyPair pair = SelfSignedCertificate.generate("s", List.of(), List.of("127.0.0.1"), Duration.ofDays(1));
        Files.writeString(dir.resolve("s.crt"), PemFiles.toPem("CERTIFICATE", pair.chain().get(0).getEncoded()));
        Files.writeString(dir.resolve("s.key"), PemFiles.toPem("PRIVATE KEY", pair.key().getEncoded()));
        Files.writeString(dir.resolve("ca.crt"), PemFiles.toPem("CERTIFICATE", pair.chain().get(0).getEncoded()));
        assertEquals("missing one of cert or cert_file", assertThrows(WebConfigException.class, () -> WebConfigFile.tlsSettings(
                WebConfigParser.parse("tls_server_config:\n  key_file: s.key\n", dir).tls())).getMessage());
        assertEquals("missing one of key or key_file", assertThrows(WebConfigException.class, () -> WebConfigFile.tlsSettings(
                WebConfigParser.parse("tls_server_config:\n  cert_file: s.crt\n", dir).tls())).getMessage());
        assertEquals("client CA's have been configured without a Client Auth Policy", assertThrows(WebConfigException.class,
                () -> WebConfigFile.tlsSettings(WebConfigParser.parse(
                        "tls_server_config:\n  cert_file: s.crt\n  key_file: s.key\n  client_ca_file: ca.crt\n", dir).tls()))
                .getMessage());
        assertTrue(assertThrows(WebConfigException.class, () -> WebConfigFile.tlsSettings(WebConfigParser.parse(
                "tls_server_config:\n  cert_file: nosuch.crt\n  key_file: s.key\n", dir).tls())).getMessage()
                .startsWith("failed to read cert_file ("));
        var s = WebConfigFile.tlsSettings(WebConfigParser.parse("tls_server_config:\n  cert_file: s.crt\n  key_file: s.key\n"
                + "  client_ca_file: ca.crt\n  client_auth_type: VerifyClientCertIfGiven\n  min_version: TLS11\n"
                + "  max_version: TLS12\n", dir).tls());
        assertEquals(List.of("TLSv1.1", "TLSv1.2"), s.protocols());
        assertEquals(ClientAuth.VERIFY_CLIENT_CERT_IF_GIVEN, s.clientAuth());
        assertEquals(1, s.clientCas().size());
        assertNull(WebConfigFile.tlsSettings(WebConfigParser.parse("basic_auth_users: {}\n", dir).tls()));
    }

    @Test
    void basicAuthFromAWebConfigFileReloadedWhenItChanges() throws Exception {
        Path file = dir.resolve("web.yml");
        Files.writeString(file, "basic_auth_users:\n  alice: " + FAKEPASSWORD + "\nhttp_server_config:\n  headers:\n"
                + "    X-Content-Type-Options: nosniff\n");
        ServingSecurity security = ServingSecurity.configure(new ServingOptions(file, null, null, false, null, null, null));
        HttpServer server = security.createServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", security.wrap(ex -> Responses.text(ex, 200, "ok")));
        server.start();
        try {
            HttpClient c = HttpClient.newBuilder().proxy(java.net.ProxySelector.of(null)).build();
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/metrics";
            HttpResponse<String> none = TlsClients.get(c, url, Map.of());
            assertEquals(401, none.statusCode());
            assertEquals("Basic", none.headers().firstValue("WWW-Authenticate").orElse(""));
            assertEquals("nosniff", none.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertEquals(401, TlsClients.get(c, url, basic("alice", "wrong")).statusCode());
            assertEquals(401, TlsClients.get(c, url, basic("mallory", "fakepassword")).statusCode());
            HttpResponse<String> ok = TlsClients.get(c, url, basic("alice", "fakepassword"));
            assertEquals(200, ok.statusCode());
            assertEquals("ok", ok.body());
            assertEquals(200, TlsClients.get(c, url, Map.of("Authorization", "basic " + Base64.getEncoder()
                    .encodeToString("alice:fakepassword".getBytes()))).statusCode(), "scheme is case-insensitive");

            // Alice is removed, bob added: the next request sees the new file.
            Thread.sleep(20);
            Files.writeString(file, "basic_auth_users:\n  bob: " + FAKEPASSWORD + "\n");
            assertEquals(401, TlsClients.get(c, url, basic("alice", "fakepassword")).statusCode());
            assertEquals(200, TlsClients.get(c, url, basic("bob", "fakepassword")).statusCode());

            // A broken file fails closed until fixed.
            Files.writeString(file, "basic_auth_users: [\n");
            assertEquals(500, TlsClients.get(c, url, basic("bob", "fakepassword")).statusCode());
            Files.writeString(file, "basic_auth_users:\n  bob: " + FAKEPASSWORD + "\n");
            assertEquals(200, TlsClients.get(c, url, basic("bob", "fakepassword")).statusCode());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void bcryptAgreesWithTheSystemsCrypt() throws Exception {
        // libxcrypt's crypt(3) through Python is an independent bcrypt: hash there, verify here.
        String hash = python("import crypt; print(crypt.crypt('s3cret pässword', '$2b$05$abcdefghijklmnopqrstuu'))");
        assumeTrue(hash != null && hash.startsWith("$2b$05$"), "no bcrypt-capable crypt(3) via python3");
        BasicAuth auth = new BasicAuth();
        Map<String, String> users = Map.of("u", hash.trim());
        assertTrue(auth.allowed(users, "Basic " + Base64.getEncoder().encodeToString("u:s3cret pässword".getBytes(StandardCharsets.UTF_8))));
        assertFalse(auth.allowed(users, "Basic " + Base64.getEncoder().encodeToString("u:s3cret password".getBytes(StandardCharsets.UTF_8))));
        String y = python("import crypt; print(crypt.crypt('x', '$2y$04$abcdefghijklmnopqrstuu'))");
        if (y != null && y.startsWith("$2y$")) {
            assertTrue(auth.allowed(Map.of("u", y.trim()), "Basic " + Base64.getEncoder().encodeToString("u:x".getBytes())));
        }
    }

    @Test
    void webConfigTlsWithVerifiedClientCertificates() throws Exception {
        PemFiles.KeyPair ca = TestPki.ca("test-ca");
        PemFiles.KeyPair server = TestPki.issue(ca, "server", List.of(), KeyPurposeId.id_kp_serverAuth, List.of("127.0.0.1"));
        PemFiles.KeyPair client = TestPki.issue(ca, "prometheus", List.of(), KeyPurposeId.id_kp_clientAuth, List.of());
        PemFiles.KeyPair stranger = TestPki.issue(TestPki.ca("other-ca"), "x", List.of(), KeyPurposeId.id_kp_clientAuth,
                List.of());
        Files.writeString(dir.resolve("server.crt"), PemFiles.toPem("CERTIFICATE", server.chain().get(0).getEncoded()));
        Files.writeString(dir.resolve("server.key"), PemFiles.toPem("PRIVATE KEY", server.key().getEncoded()));
        Files.writeString(dir.resolve("ca.crt"), PemFiles.toPem("CERTIFICATE", ca.chain().get(0).getEncoded()));
        Path file = dir.resolve("web.yml");
        Files.writeString(file, "tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n"
                + "  client_ca_file: ca.crt\n  client_auth_type: RequireAndVerifyClientCert\n");
        ServingSecurity security = ServingSecurity.configure(new ServingOptions(file, null, null, false, null, null, null));
        assertTrue(security.tls());
        HttpServer s = security.createServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        s.createContext("/", security.wrap(ex -> Responses.text(ex, 200, "ok")));
        s.start();
        try {
            String url = "https://127.0.0.1:" + s.getAddress().getPort() + "/";
            var caCert = ca.chain().get(0);
            assertEquals(200, TlsClients.get(TlsClients.client(caCert, client.key(), client.chain()), url, Map.of())
                    .statusCode());
            assertThrows(Exception.class, () -> TlsClients.get(TlsClients.trusting(caCert), url, Map.of()));
            assertThrows(Exception.class, () -> TlsClients.get(TlsClients.client(caCert, stranger.key(), stranger.chain()),
                    url, Map.of()));
        } finally {
            s.stop(0);
        }
    }

    @Test
    void clientAllowedSansMatchAddressesAsGoWritesThem() throws Exception {
        PemFiles.KeyPair ca = TestPki.ca("test-ca");
        PemFiles.KeyPair server = TestPki.issue(ca, "server", List.of(), KeyPurposeId.id_kp_serverAuth, List.of("127.0.0.1"));
        PemFiles.KeyPair listed = TestPki.issue(ca, "a", List.of(), KeyPurposeId.id_kp_clientAuth, List.of("::1"));
        PemFiles.KeyPair unlisted = TestPki.issue(ca, "b", List.of(), KeyPurposeId.id_kp_clientAuth, List.of("127.0.0.2"));
        Files.writeString(dir.resolve("server.crt"), PemFiles.toPem("CERTIFICATE", server.chain().get(0).getEncoded()));
        Files.writeString(dir.resolve("server.key"), PemFiles.toPem("PRIVATE KEY", server.key().getEncoded()));
        Files.writeString(dir.resolve("ca.crt"), PemFiles.toPem("CERTIFICATE", ca.chain().get(0).getEncoded()));
        Path file = dir.resolve("web.yml");
        Files.writeString(file, "tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n"
                + "  client_ca_file: ca.crt\n  client_auth_type: RequireAndVerifyClientCert\n"
                + "  client_allowed_sans: [\"::1\"]\n");
        ServingSecurity security = ServingSecurity.configure(new ServingOptions(file, null, null, false, null, null, null));
        HttpServer s = security.createServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        s.createContext("/", security.wrap(ex -> Responses.text(ex, 200, "ok")));
        s.start();
        try {
            String url = "https://127.0.0.1:" + s.getAddress().getPort() + "/";
            var caCert = ca.chain().get(0);
            assertEquals(200, TlsClients.get(TlsClients.client(caCert, listed.key(), listed.chain()), url, Map.of())
                    .statusCode());
            assertThrows(Exception.class, () -> TlsClients.get(TlsClients.client(caCert, unlisted.key(), unlisted.chain()),
                    url, Map.of()));
        } finally {
            s.stop(0);
        }
    }

    private void assertError(String fragment, String yaml) {
        WebConfigException e = assertThrows(WebConfigException.class, () -> WebConfigParser.parse(yaml, dir), yaml);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    private static Map<String, String> basic(String user, String password) {
        return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8)));
    }

    private static String python(String code) {
        try {
            Process p = new ProcessBuilder("python3", "-W", "ignore", "-c", code).redirectErrorStream(false).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
        } catch (Exception e) {
            return null;
        }
    }
}
