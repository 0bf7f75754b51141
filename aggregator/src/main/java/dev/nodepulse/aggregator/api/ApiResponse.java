package dev.nodepulse.aggregator.api;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A complete answer: status, content type, body and extra headers. */
public record ApiResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

    public static ApiResponse json(int status, String json) {
        return new ApiResponse(status, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public static ApiResponse text(int status, String text) {
        return new ApiResponse(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
