package dev.nodepulse.agent.cadvisor;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.nodepulse.cgroups.snapshot.CgroupSnapshot;
import dev.nodepulse.http.Exposition;
import dev.nodepulse.log.Log;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * GET /metrics/cadvisor: one fresh snapshot (shared with concurrent scrapes) rendered as Prometheus text 0.0.4,
 * the format the kubelet answers with, streamed in chunks; gzip when the scraper accepts it. A walk that fails still answers 200
 * with container_scrape_error 1 and the machine families, as the kubelet does.
 */
public final class CadvisorEndpoint implements HttpHandler {

    private static final Log LOG = Log.get(CadvisorEndpoint.class);
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final ContainerSnapshots snapshots;
    private final CadvisorExposition exposition;
    /** Render buffers (about 512 KiB each: the body streams out as it grows) reused across scrapes. */
    private final java.util.concurrent.ArrayBlockingQueue<TextBuffer> buffers = new java.util.concurrent.ArrayBlockingQueue<>(2);
    private static final int KEEP_LIMIT = 4 << 20;

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
        ex.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.sendResponseHeaders(200, -1);
            ex.close();
            return;
        }
        boolean gzip = Exposition.acceptsGzip(ex.getRequestHeaders().getFirst("Accept-Encoding"));
        if (gzip) {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        TextBuffer body = buffers.poll();
        if (body == null) {
            body = new TextBuffer(2 * TextBuffer.FLUSH_AT);
        }
        // Streamed (chunked): at 1000 containers the body is ~25 MiB, which a small heap should not hold whole.
        ex.sendResponseHeaders(200, 0);
        try (OutputStream raw = ex.getResponseBody();
             OutputStream out = gzip ? new GZIPOutputStream(raw, 64 * 1024) {
                 {
                     def.setLevel(Deflater.BEST_SPEED);
                 }
             } : raw) {
            exposition.render(snap, System.currentTimeMillis(), failed, body.streamTo(out));
            body.writeTo(out);
        } catch (java.io.UncheckedIOException e) {
            LOG.debug("client went away during /metrics/cadvisor", "err", e.getCause().toString());
        } finally {
            body.reset().detach();
            if (body.capacity() <= KEEP_LIMIT) {
                buffers.offer(body);
            }
            ex.close();
        }
    }
}
