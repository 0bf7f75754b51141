package dev.nodepulse.agent.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.nodepulse.http.Responses;
import dev.nodepulse.http.Router;
import java.io.IOException;
import java.util.List;

/** The page at "/": what this is and a link to every endpoint it serves. */
public final class LandingPage implements HttpHandler {

    private final Router router;
    private final String version;
    private final List<String> collectors;

    public LandingPage(Router router, String version, List<String> collectors) {
        this.router = router;
        this.version = version;
        this.collectors = collectors;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        StringBuilder html = new StringBuilder(2048);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>nodepulse agent</title></head>\n<body>\n")
                .append("<h1>nodepulse agent</h1>\n<p>Node, container and kubelet-compatible metrics for this host. Version ")
                .append(escape(version)).append(".</p>\n<ul>\n");
        for (Router.Route r : router.routes()) {
            if (r.path().equals("/")) {
                continue;
            }
            html.append("<li><a href=\"").append(escape(r.path())).append("\">").append(escape(r.path()))
                    .append("</a>: ").append(escape(r.description())).append("</li>\n");
        }
        html.append("</ul>\n<h2>Enabled collectors</h2>\n<p>").append(escape(String.join(", ", collectors)))
                .append("</p>\n</body>\n</html>\n");
        Responses.html(ex, 200, html.toString());
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
