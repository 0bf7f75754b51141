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
 * The aggregator started by its launcher on 127.0.0.1 and a free port, with a Deployment's args adapted to a run
 * without a cluster: --secure-port, --bind-address and --cert-dir replaced, agents given with --static-node, and
 * --authorization-mode=AlwaysAllow (there is no API server to ask). Closing it ends that process only.
 */
final class RunningAggregator implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private RunningAggregator(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static RunningAggregator start(Launcher launcher, List<String> deploymentArgs, Path certDir, List<String> staticNodes,
            Map<String, String> env) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        List<String> a = new ArrayList<>(deploymentArgs.stream().filter(x -> !x.startsWith("--secure-port")
                && !x.startsWith("--bind-address") && !x.startsWith("--cert-dir")).toList());
        a.addAll(List.of("--secure-port=" + port, "--bind-address=127.0.0.1", "--cert-dir=" + certDir,
                "--authorization-mode=AlwaysAllow"));
        staticNodes.forEach(n -> a.add("--static-node=" + n));
        Path log = Files.createTempFile("nodepulse-aggregator", ".log");
        Process p = launcher.processBuilder(a, env).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        RunningAggregator agg = new RunningAggregator(p, port, log);
        agg.await("/livez", Duration.ofSeconds(60));
        return agg;
    }

    int port() {
        return port;
    }

    /** Waits until {@code path} answers 200, up to {@code timeout}; false if it did not. */
    boolean await(String path, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("aggregator exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                if (get(path).status() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        return false;
    }

    RunningAgent.Response get(String path) throws IOException {
        return request("GET", path, Map.of(), null);
    }

    /** POST of {@code body} with {@code headers}, as an agent pushes. */
    RunningAgent.Response post(String path, Map<String, String> headers, byte[] body) throws IOException {
        return request("POST", path, headers, body);
    }

    private RunningAgent.Response request(String method, String path, Map<String, String> headers, byte[] body)
            throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create("https://127.0.0.1:" + port + path).toURL()
                .openConnection(java.net.Proxy.NO_PROXY);
        javax.net.ssl.HttpsURLConnection s = (javax.net.ssl.HttpsURLConnection) c;
        s.setSSLSocketFactory(RunningAgent.TRUST_ALL.getSocketFactory());
        s.setHostnameVerifier((host, session) -> "127.0.0.1".equals(host));
        c.setConnectTimeout(5000);
        c.setReadTimeout(30000);
        c.setRequestMethod(method);
        headers.forEach(c::setRequestProperty);
        if (body != null) {
            c.setDoOutput(true);
            try (var out = c.getOutputStream()) {
                out.write(body);
            }
        }
        int status = c.getResponseCode();
        var in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        c.disconnect();
        return new RunningAgent.Response(status, text);
    }

    long rssBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new IOException("no VmRSS");
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
