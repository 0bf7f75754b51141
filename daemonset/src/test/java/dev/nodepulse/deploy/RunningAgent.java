package dev.nodepulse.deploy;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The agent started by a launcher on 127.0.0.1 and a free port; closing it ends that process only. Any
 * --web.listen-address in the given args is replaced, so a test never binds the node's port 9100.
 */
final class RunningAgent implements AutoCloseable {

    record Response(int status, String body) {}

    private final Process process;
    private final int port;
    private final Path log;
    private final boolean https;

    private RunningAgent(Process process, int port, Path log, boolean https) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.https = https;
    }

    static RunningAgent start(Launcher launcher, List<String> args, Path tmpdir) throws Exception {
        return start(launcher, args, tmpdir, Map.of());
    }

    /** Started with {@code env} added (e.g. NODE_NAME as the downward API sets it); HTTPS if the args ask for TLS. */
    static RunningAgent start(Launcher launcher, List<String> args, Path tmpdir, Map<String, String> env) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        List<String> a = new ArrayList<>(args.stream().filter(x -> !x.startsWith("--web.listen-address")).toList());
        a.add("--web.listen-address=127.0.0.1:" + port);
        Path log = Files.createTempFile("nodepulse-agent", ".log");
        Map<String, String> allEnv = new java.util.HashMap<>(env);
        allEnv.put("NODEPULSE_TMPDIR", tmpdir.toString());
        ProcessBuilder pb = launcher.processBuilder(a, allEnv).redirectErrorStream(true).redirectOutput(log.toFile());
        RunningAgent agent = new RunningAgent(pb.start(), port, log, AgentManifestIT.servesTls(args));
        agent.awaitHealthy(Duration.ofSeconds(60));
        return agent;
    }

    private void awaitHealthy(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("agent exited with " + process.exitValue() + ":\n" + output());
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
        close();
        throw new AssertionError("agent not healthy within " + timeout + ":\n" + output());
    }

    Response get(String path) throws IOException {
        return get(path, Map.of());
    }

    /** scheme://127.0.0.1:port, as --static-node takes it. */
    String baseUrl() {
        return (https ? "https" : "http") + "://127.0.0.1:" + port;
    }

    /**
     * GET over the agent's scheme. HTTPS does not verify the agent's self-signed certificate, as the kubelet's
     * probes and a ServiceMonitor with insecureSkipVerify do not.
     */
    Response get(String path, Map<String, String> headers) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create((https ? "https" : "http") + "://127.0.0.1:" + port + path)
                .toURL().openConnection(java.net.Proxy.NO_PROXY);
        if (c instanceof javax.net.ssl.HttpsURLConnection s) {
            s.setSSLSocketFactory(TRUST_ALL.getSocketFactory());
            s.setHostnameVerifier((host, session) -> "127.0.0.1".equals(host));
        }
        headers.forEach(c::setRequestProperty);
        c.setConnectTimeout(5000);
        c.setReadTimeout(30000);
        int status = c.getResponseCode();
        var in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        c.disconnect();
        return new Response(status, body);
    }

    static final javax.net.ssl.SSLContext TRUST_ALL = trustAll();

    private static javax.net.ssl.SSLContext trustAll() {
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

    /** Committed metaspace (class space included), read with the JDK's jcmd. */
    long metaspaceCommittedBytes(Path jdk) throws Exception {
        JarCli.Run r = JarCli.exec(List.of(jdk.resolve("bin/jcmd").toString(), Long.toString(process.pid()), "VM.metaspace"), Map.of());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Metaspace\\s+used \\d+K, committed (\\d+)K").matcher(r.output());
        if (!m.find()) {
            throw new AssertionError("no metaspace figures from jcmd:\n" + r.output());
        }
        return Long.parseLong(m.group(1)) * 1024;
    }

    /** Resident set size of the JVM (the launcher execs it, so the process is the JVM). */
    long rssBytes() throws IOException {
        return status("VmRSS:");
    }

    /** The anonymous part of the RSS: heap, metaspace, code, stacks; what memory pressure cannot drop. */
    long rssAnonBytes() throws IOException {
        return status("RssAnon:");
    }

    private long status(String key) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith(key)) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new IOException("no " + key);
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        Files.deleteIfExists(log);
    }
}
