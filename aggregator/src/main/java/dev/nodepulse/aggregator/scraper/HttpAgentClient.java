package dev.nodepulse.aggregator.scraper;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;

/**
 * Agents' /metrics/resource over HTTP(S) with the JDK client: one shared client (keep-alive connections per
 * agent), a per-request timeout, and the credentials metrics-server sends to kubelets: a bearer token (the
 * service account's, re-read as it rotates) and/or a client certificate in the SSL context. Plain-http targets
 * never get the token.
 */
public final class HttpAgentClient implements AgentClient {

    private final HttpClient http;
    private final Duration timeout;
    private final Path tokenFile;
    private volatile String token;
    private volatile long tokenReadAt;

    public HttpAgentClient(SSLContext ssl, Duration timeout, Path tokenFile, Executor executor) {
        // No connectTimeout: with one set, JDK 17 keeps the connect timer event on each pooled connection, and through
        // it the last exchange's receive buffers (about the body's size, ~100 KiB per agent). The request timeout
        // bounds the connect as well.
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(java.net.ProxySelector.of(null)).executor(executor);
        if (ssl != null) {
            b.sslContext(ssl);
        }
        this.http = b.build();
        this.timeout = timeout;
        this.tokenFile = tokenFile;
    }

    @Override
    public CompletableFuture<byte[]> fetch(ScrapeTarget target) {
        HttpRequest.Builder req = HttpRequest.newBuilder(target.url()).timeout(timeout).GET()
                .header("Accept", "text/plain;version=0.0.4;q=1,*/*;q=0.1")
                .header("User-Agent", "nodepulse-aggregator");
        if ("https".equals(target.url().getScheme())) {
            String t = token();
            if (t != null) {
                req.header("Authorization", "Bearer " + t);
            }
        }
        return http.sendAsync(req.build(), HttpResponse.BodyHandlers.ofByteArray()).thenApply(r -> {
            if (r.statusCode() != 200) {
                throw new java.util.concurrent.CompletionException(new IOException("request failed, status: \""
                        + r.statusCode() + "\"" + (r.body().length > 0 && r.body().length < 200
                        ? " " + new String(r.body(), StandardCharsets.UTF_8).trim() : "")));
            }
            return r.body();
        });
    }

    /** Bound service account tokens rotate (about hourly); re-read the file once a minute. */
    private String token() {
        if (tokenFile == null) {
            return null;
        }
        long now = System.nanoTime();
        if (token == null || now - tokenReadAt > 60_000_000_000L) {
            try {
                token = Files.readString(tokenFile, StandardCharsets.UTF_8).trim();
                tokenReadAt = now;
            } catch (IOException e) {
                return token;
            }
        }
        return token;
    }
}
