package dev.nodepulse.agent.push;

import dev.nodepulse.http.Exposition;
import dev.nodepulse.kubelet.resource.ResourceMetrics;
import dev.nodepulse.kubelet.resource.ResourceMetricsFormat;
import dev.nodepulse.log.Log;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.SSLContext;

/**
 * Push mode for nodes the aggregator cannot reach (NAT, edge): every interval the agent POSTs its
 * /metrics/resource body, gzip-compressed, to {@code <push.url>/push/v1/nodes/<node-name>} with a bearer token
 * (re-read from its file each time, as bound tokens rotate) and/or a client certificate. The aggregator stores it
 * only if the credential proves this node.
 */
public final class ResourcePusher implements AutoCloseable {

    private static final Log LOG = Log.get(ResourcePusher.class);

    private final URI target;
    private final Supplier<ResourceMetrics> source;
    private final Path tokenFile;
    private final HttpClient http;
    private final Duration timeout;
    private final ScheduledExecutorService timer;
    private volatile int lastStatus = -1;
    private long failures;

    public ResourcePusher(URI baseUrl, String nodeName, Supplier<ResourceMetrics> source, Path tokenFile, SSLContext ssl,
            Duration interval) {
        String base = baseUrl.toString().endsWith("/") ? baseUrl.toString() : baseUrl + "/";
        this.target = URI.create(base + "push/v1/nodes/" + nodeName);
        this.source = source;
        this.tokenFile = tokenFile;
        this.timeout = interval.compareTo(Duration.ofSeconds(10)) < 0 ? interval : Duration.ofSeconds(10);
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .proxy(java.net.ProxySelector.of(null));
        if (ssl != null) {
            b.sslContext(ssl);
        }
        this.http = b.build();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "push");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::pushOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Pushing resource metrics", "url", target, "interval", interval);
    }

    /** The HTTP status of the last push, -1 before the first or after a transport error. */
    public int lastStatus() {
        return lastStatus;
    }

    void pushOnce() {
        try {
            byte[] body = gzip(Exposition.text(ResourceMetricsFormat.snapshots(source.get(), false)));
            HttpRequest.Builder req = HttpRequest.newBuilder(target).timeout(timeout)
                    .header("Content-Type", "text/plain; version=0.0.4; charset=utf-8").header("Content-Encoding", "gzip")
                    .header("User-Agent", "nodepulse-agent").POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (tokenFile != null) {
                req.header("Authorization", "Bearer " + Files.readString(tokenFile, StandardCharsets.UTF_8).trim());
            }
            HttpResponse<String> r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
            lastStatus = r.statusCode();
            if (r.statusCode() != 200) {
                warn("push refused", "status", r.statusCode(), "body", r.body().length() > 300 ? r.body().substring(0, 300) : r.body());
            } else {
                failures = 0;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            lastStatus = -1;
            warn("push failed", "err", e.toString());
        }
    }

    /** Logs the first failures and then every 20th, so an unreachable aggregator does not flood the log. */
    private void warn(String msg, Object... kv) {
        if (failures++ % 20 == 0) {
            Object[] all = new Object[kv.length + 4];
            System.arraycopy(kv, 0, all, 0, kv.length);
            all[kv.length] = "url";
            all[kv.length + 1] = target;
            all[kv.length + 2] = "consecutive_failures";
            all[kv.length + 3] = failures;
            LOG.warn(msg, all);
        }
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(text.length() / 4 + 64);
        try (GZIPOutputStream out = new GZIPOutputStream(buf)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return buf.toByteArray();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
