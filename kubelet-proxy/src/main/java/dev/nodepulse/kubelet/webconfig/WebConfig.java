package dev.nodepulse.kubelet.webconfig;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * node_exporter's --web.config.file (the Prometheus exporter-toolkit format): TLS server settings, extra
 * response headers, an optional rate limit and bcrypt-hashed basic-auth users. Paths are already resolved
 * against the config file's directory; empty strings mean "not set", as in Go.
 */
public record WebConfig(Tls tls, Http http, RateLimit rateLimit, Map<String, String> users) {

    /** {@code tls_server_config}. */
    public record Tls(String cert, String key, String clientCa, String certFile, String keyFile, String clientAuthType,
            String clientCaFile, List<String> cipherSuites, List<String> curvePreferences, String minVersion,
            String maxVersion, boolean preferServerCipherSuites, List<String> clientAllowedSans) {

        /** exporter-toolkit's IsEnabled: any TLS field set turns TLS on (and then cert and key are required). */
        public boolean enabled() {
            return !certFile.isEmpty() || !cert.isEmpty() || !keyFile.isEmpty() || !key.isEmpty() || !clientCaFile.isEmpty()
                    || !clientCa.isEmpty() || !clientAuthType.isEmpty();
        }
    }

    /** {@code http_server_config}; http2 is accepted for compatibility, the JDK server speaks HTTP/1.1 only. */
    public record Http(boolean http2, Map<String, String> headers) {}

    /** {@code rate_limit}: an interval of zero disables it. */
    public record RateLimit(Duration interval, int burst) {}
}
