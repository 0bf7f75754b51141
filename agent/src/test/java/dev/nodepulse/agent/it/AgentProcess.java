package dev.nodepulse.agent.it;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The built agent jar run as a separate process on 127.0.0.1 and a free port, for integration tests.
 * Closing it ends that process (and only it), so nothing is left listening.
 */
public final class AgentProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;
    private final boolean tls;

    private AgentProcess(Process process, int port, Path log, boolean tls) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.tls = tls;
    }

    /** The jar `mvn package` built; integration tests run after packaging. */
    public static Path jar() {
        Path p = Path.of(System.getProperty("nodepulse.agent.jar", "target/nodepulse-agent.jar")).toAbsolutePath();
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("agent jar not built: " + p + " (run mvn package first)");
        }
        return p;
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public static AgentProcess start(List<String> flags) throws Exception {
        return start(flags, List.of(), Map.of());
    }

    /** Starts the jar with the JVM options the README recommends plus {@code jvmArgs}, and waits for /healthz. */
    public static AgentProcess start(List<String> flags, List<String> jvmArgs, Map<String, String> env) throws Exception {
        return start(flags, jvmArgs, env, false);
    }

    /**
     * As {@link #start(List, List, Map)}; with {@code tls} the agent is spoken to over HTTPS, accepting whatever
     * certificate it serves (tests that check the certificate read it with {@link #servingCertificate()}).
     */
    public static AgentProcess start(List<String> flags, List<String> jvmArgs, Map<String, String> env, boolean tls)
            throws Exception {
        int port = freePort();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("-XX:+UseSerialGC", "-Xmx64m", "-XX:TieredStopAtLevel=1"));
        cmd.addAll(jvmArgs);
        cmd.add("-jar");
        cmd.add(jar().toString());
        cmd.add("--web.listen-address=127.0.0.1:" + port);
        cmd.addAll(flags);
        Path log = Files.createTempFile("nodepulse-agent-it", ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        AgentProcess agent = new AgentProcess(pb.start(), port, log, tls);
        try {
            agent.awaitReady(Duration.ofSeconds(30));
        } catch (Exception | Error e) {
            agent.close();
            throw e;
        }
        return agent;
    }

    private void awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("agent exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                if (get("/healthz").status() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        String output = output();
        close();
        throw new IllegalStateException("agent did not become ready in " + timeout + ":\n" + output);
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public String baseUrl() {
        return (tls ? "https" : "http") + "://127.0.0.1:" + port;
    }

    public record Response(int status, String contentType, String body) {}

    public Response get(String pathAndQuery) throws IOException {
        return get(pathAndQuery, Map.of());
    }

    public Response get(String pathAndQuery, Map<String, String> headers) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(baseUrl() + pathAndQuery).toURL().openConnection(java.net.Proxy.NO_PROXY);
        if (c instanceof javax.net.ssl.HttpsURLConnection https) {
            https.setSSLSocketFactory(TRUST_ANY.getSocketFactory());
            https.setHostnameVerifier((host, session) -> true);
        }
        c.setConnectTimeout(5000);
        c.setReadTimeout(30000);
        headers.forEach(c::setRequestProperty);
        int status = c.getResponseCode();
        var in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        c.disconnect();
        return new Response(status, c.getContentType(), body);
    }

    /** The certificate the agent serves, read off a TLS handshake. */
    public java.security.cert.X509Certificate servingCertificate() throws IOException {
        try (javax.net.ssl.SSLSocket s = (javax.net.ssl.SSLSocket) TRUST_ANY.getSocketFactory().createSocket("127.0.0.1", port)) {
            s.startHandshake();
            return (java.security.cert.X509Certificate) s.getSession().getPeerCertificates()[0];
        }
    }

    private static final javax.net.ssl.SSLContext TRUST_ANY = trustAny();

    private static javax.net.ssl.SSLContext trustAny() {
        try {
            javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
            ctx.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509TrustManager() {
                @Override
                public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {}

                @Override
                public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {}

                @Override
                public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                    return new java.security.cert.X509Certificate[0];
                }
            }}, null);
            return ctx;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    /** Ends the process with SIGKILL, as the OOM killer would: no shutdown hook runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // temp file; the OS cleans it eventually
        }
    }
}
