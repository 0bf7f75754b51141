package dev.nodepulse.agent.cadvisor;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.nodepulse.cgroups.snapshot.CgroupSnapshot;
import dev.nodepulse.log.Log;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * GET /metrics/cadvisor: one fresh snapshot (shared with concurrent scrapes) rendered as Prometheus text 0.0.4,
 * the format the kubelet answers with; gzip when the scraper accepts it. A walk that fails still answers 200
 * with container_scrape_error 1 and the machine families, as the kubelet does.
 */
public final class CadvisorEndpoint implements HttpHandler {

    private static final Log LOG = Log.get(CadvisorEndpoint.class);
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final ContainerSnapshots snapshots;
    private final CadvisorExposition exposition;
    /**
     * Bodies are several MiB at a few hundred containers; a fresh array per scrape would land in the old
     * generation each time and cost full collections, so a couple of buffers are reused.
     */
    private final java.util.concurrent.ArrayBlockingQueue<TextBuffer> buffers = new java.util.concurrent.ArrayBlockingQueue<>(2);
    private static final int KEEP_LIMIT = 64 << 20;

    public CadvisorEndpoint(ContainerSnapshots snapshots, CadvisorExposition exposition) {
        this.snapshots = snapshots;
        this.exposition = exposition;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        CgroupSnapshot snap = null;
        boolean failed = false;
        if (snapshots != null) {
            try {
                snap = snapshots.current();
            } catch (IOException e) {
                failed = true;
                LOG.warn("cgroup walk failed", "err", e.getMessage());
            }
        } else {
            failed = true;
        }
        TextBuffer body = buffers.poll();
        if (body == null) {
            body = new TextBuffer(256 * 1024);
        }
        try {
            exposition.render(snap, System.currentTimeMillis(), failed, body);
            send(ex, body);
        } finally {
            if (body.capacity() <= KEEP_LIMIT) {
                buffers.offer(body);
            }
        }
    }

    private void send(HttpExchange ex, TextBuffer body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        boolean gzip = accepts(ex.getRequestHeaders().getFirst("Accept-Encoding"));
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.sendResponseHeaders(200, -1);
            ex.close();
            return;
        }
        if (gzip) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream(body.size() / 8 + 1024);
            try (OutputStream z = new GZIPOutputStream(buf, 16 * 1024) {
                {
                    def.setLevel(Deflater.BEST_SPEED);
                }
            }) {
                body.writeTo(z);
            }
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            ex.sendResponseHeaders(200, buf.size());
            try (OutputStream out = ex.getResponseBody()) {
                buf.writeTo(out);
            }
        } else {
            ex.sendResponseHeaders(200, body.size());
            try (OutputStream out = ex.getResponseBody()) {
                body.writeTo(out);
            }
        }
        ex.close();
    }

    static boolean accepts(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] p = part.trim().split(";");
            if (p[0].trim().equalsIgnoreCase("gzip")) {
                for (int i = 1; i < p.length; i++) {
                    String q = p[i].trim();
                    if (q.startsWith("q=") && q.substring(2).trim().matches("0(\\.0*)?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }
}
