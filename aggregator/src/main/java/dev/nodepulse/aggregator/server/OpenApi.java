package dev.nodepulse.aggregator.server;

import dev.nodepulse.aggregator.api.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * {@code /openapi/v2}: a Swagger 2.0 document for the metrics.k8s.io paths and types, under the definition names
 * metrics-server uses, so kube-apiserver's OpenAPI aggregation merges it (and {@code kubectl explain} works).
 * Served with an ETag; a matching If-None-Match gets 304, as kube-apiserver's downloader expects.
 */
public final class OpenApi {

    private final byte[] v2;
    private final String etag;

    public OpenApi(String version) {
        try (InputStream in = OpenApi.class.getResourceAsStream("/openapi-v2.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi-v2.json missing from the jar");
            }
            String doc = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${version}", "v" + version);
            v2 = doc.getBytes(StandardCharsets.UTF_8);
            etag = "\"" + HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-512").digest(v2)) + "\"";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public ApiResponse v2(String ifNoneMatch) {
        if (etag.equals(ifNoneMatch)) {
            return new ApiResponse(304, "application/json", new byte[0], Map.of("Etag", etag));
        }
        return new ApiResponse(200, "application/json", v2, Map.of("Etag", etag));
    }
}
