package dev.nodepulse.aggregator.testing;

import dev.nodepulse.kubelet.tls.PemFiles;
import dev.nodepulse.testing.TlsClients;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;

/** HTTPS calls to the aggregator under test: trusting its serving certificate, optionally with a client certificate. */
public class Http {

    private final HttpClient client;
    private final String base;

    public Http(String base, PemFiles.KeyPair serving, PemFiles.KeyPair client) throws Exception {
        this.base = base;
        this.client = client == null ? TlsClients.trusting(serving.chain().get(0))
                : TlsClients.client(serving.chain().get(0), client.key(), client.chain());
    }

    public HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        return TlsClients.get(client, base + path, headers);
    }

    public HttpResponse<String> get(String path) throws Exception {
        return get(path, Map.of());
    }

    public HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
        var b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path))
                .timeout(java.time.Duration.ofSeconds(20)).POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
