package dev.nodepulse.kubelet.tls;

/** Go's tls.ClientAuthType, by the names node_exporter's web config uses for client_auth_type. */
public enum ClientAuth {
    /** No certificate asked for. */
    NO_CLIENT_CERT,
    /** Asked for, not required, not verified. */
    REQUEST_CLIENT_CERT,
    /** Required, not verified. */
    REQUIRE_ANY_CLIENT_CERT,
    /** Not required; verified against the client CAs when sent. */
    VERIFY_CLIENT_CERT_IF_GIVEN,
    /** Required and verified against the client CAs. */
    REQUIRE_AND_VERIFY_CLIENT_CERT;

    public boolean verifies() {
        return this == VERIFY_CLIENT_CERT_IF_GIVEN || this == REQUIRE_AND_VERIFY_CLIENT_CERT;
    }

    public boolean requires() {
        return this == REQUIRE_ANY_CLIENT_CERT || this == REQUIRE_AND_VERIFY_CLIENT_CERT;
    }

    /** The web config spelling; "" means NoClientCert, RequireClientCert is kept as Go keeps it. */
    public static ClientAuth parse(String s) {
        return switch (s) {
            case "", "NoClientCert" -> NO_CLIENT_CERT;
            case "RequestClientCert" -> REQUEST_CLIENT_CERT;
            case "RequireAnyClientCert", "RequireClientCert" -> REQUIRE_ANY_CLIENT_CERT;
            case "VerifyClientCertIfGiven" -> VERIFY_CLIENT_CERT_IF_GIVEN;
            case "RequireAndVerifyClientCert" -> REQUIRE_AND_VERIFY_CLIENT_CERT;
            default -> throw new IllegalArgumentException("invalid ClientAuth: " + s);
        };
    }
}
