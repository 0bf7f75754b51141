package dev.nodepulse.aggregator.testing;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import dev.nodepulse.kubelet.tls.PemFiles;
import dev.nodepulse.kubelet.tls.ServingTls;
import dev.nodepulse.kubelet.tls.TlsSettings;
import dev.nodepulse.kubelet.tls.TlsSource;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * An in-test stand-in for an agent's /metrics/resource on 127.0.0.1: serves whatever body the supplier makes
 * (text shaped exactly like the kubelet's), over HTTP or HTTPS, and counts requests.
 */
public final class FakeAgent implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Supplier<String> body;
    private volatile int status = 200;

    public FakeAgent(Supplier<String> body, PemFiles.KeyPair tls) throws IOException {
        this.body = body;
        InetSocketAddress bind = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (tls == null) {
            server = HttpServer.create(bind, 16);
        } else {
            HttpsServer s = HttpsServer.create(bind, 16);
            try {
                s.setHttpsConfigurator(ServingTls.create(TlsSource.fixed(TlsSettings.serving(tls))));
            } catch (java.security.GeneralSecurityException e) {
                throw new IOException(e);
            }
            server = s;
        }
        server.createContext("/metrics/resource", ex -> {
            requests.incrementAndGet();
            byte[] b = status == 200 ? this.body.get().getBytes(StandardCharsets.UTF_8) : "boom".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            ex.sendResponseHeaders(status, b.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        });
        server.start();
    }

    public void body(Supplier<String> b) {
        this.body = b;
    }

    public void status(int s) {
        this.status = s;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url(String scheme) {
        return scheme + "://127.0.0.1:" + port() + "/metrics/resource";
    }

    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
