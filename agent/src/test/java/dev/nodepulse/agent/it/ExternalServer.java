package dev.nodepulse.agent.it;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server program from the host (Debian's node_exporter or prometheus) run by a test on 127.0.0.1.
 * Its output goes to a temporary log; {@link #close()} ends that one process by its PID and deletes the log.
 */
public final class ExternalServer implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private ExternalServer(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts {@code command} (which must make the program listen on 127.0.0.1:{@code port}) and waits until
     * {@code readyPath} answers 200.
     */
    public static ExternalServer start(String name, List<String> command, int port, String readyPath, Duration timeout)
            throws Exception {
        Path log = Files.createTempFile("nodepulse-it-" + name, ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ExternalServer server = new ExternalServer(name, p, port, log);
        try {
            server.awaitReady(readyPath, timeout);
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void awaitReady(String path, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                if (get(path).status() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(name + " did not become ready in " + timeout + ":\n" + output());
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public AgentProcess.Response get(String pathAndQuery) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(baseUrl() + pathAndQuery).toURL()
                .openConnection(java.net.Proxy.NO_PROXY);
        c.setConnectTimeout(5000);
        c.setReadTimeout(30000);
        int status = c.getResponseCode();
        var in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        c.disconnect();
        return new AgentProcess.Response(status, c.getContentType(), body);
    }

    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
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
