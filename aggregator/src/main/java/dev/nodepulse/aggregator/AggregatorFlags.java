package dev.nodepulse.aggregator;

import dev.nodepulse.cli.Flag;
import dev.nodepulse.cli.FlagSet;
import dev.nodepulse.cli.FlagValues;
import java.util.ArrayList;
import java.util.List;

/**
 * The aggregator's command line: metrics-server's flag names (and the generic API server's it inherits) where
 * they mean the same, plus our own few: {@code --static-node}, {@code --authorization-mode},
 * {@code --anonymous-auth}, {@code --scrape-concurrency}, {@code --push-service-accounts}, logging.
 * List-valued flags take comma-separated values and may be repeated, as pflag's string slices do.
 */
public final class AggregatorFlags {

    private AggregatorFlags() {}

    public static FlagSet define() {
        FlagSet f = new FlagSet("nodepulse-aggregator");
        f.add(Flag.bool("help", false, "Show this help and exit."));
        f.add(Flag.bool("version", false, "Show version"));
        // serving
        f.add(Flag.integer("secure-port", 10250, "The port on which to serve HTTPS with authentication and authorization."));
        f.add(Flag.string("bind-address", "0.0.0.0", "The IP address on which to listen for the --secure-port port."));
        f.add(Flag.string("tls-cert-file", "", "File containing the default x509 Certificate for HTTPS. If neither this "
                + "nor --tls-private-key-file is given, a self-signed certificate for localhost is kept in --cert-dir."));
        f.add(Flag.string("tls-private-key-file", "", "File containing the default x509 private key matching --tls-cert-file."));
        f.add(Flag.string("cert-dir", "apiserver.local.config/certificates", "The directory where the self-signed TLS "
                + "certificate is kept. Ignored if --tls-cert-file and --tls-private-key-file are provided."));
        // authentication
        f.add(Flag.string("client-ca-file", "", "Client certificates signed by one of these authorities authenticate "
                + "as their CommonName (groups: Organization). Default: client-ca-file of kube-system/extension-apiserver-authentication."));
        f.add(Flag.string("requestheader-client-ca-file", "", "Root certificates that verify the front proxy's client "
                + "certificate before the user names in --requestheader-username-headers are trusted. Default: from "
                + "kube-system/extension-apiserver-authentication."));
        f.add(Flag.repeatable("requestheader-allowed-names", "Client certificate common names allowed to provide user names "
                + "in the request headers. Empty allows any certificate signed by the request-header CA."));
        f.add(Flag.repeatable("requestheader-username-headers", "Request header list to inspect for the user name.")
                .withDefault("x-remote-user"));
        f.add(Flag.repeatable("requestheader-group-headers", "Request header list to inspect for groups.")
                .withDefault("x-remote-group"));
        f.add(Flag.repeatable("requestheader-extra-headers-prefix", "Request header prefixes to inspect for user extra.")
                .withDefault("x-remote-extra-"));
        f.add(Flag.repeatable("requestheader-uid-headers", "Request header list to inspect for the user's UID."));
        f.add(Flag.bool("authentication-skip-lookup", false, "Do not read missing authentication configuration from "
                + "kube-system/extension-apiserver-authentication."));
        f.add(Flag.bool("authentication-tolerate-lookup-failure", false, "Start even if the authentication ConfigMap "
                + "cannot be read (front-proxy requests are then unauthenticated)."));
        f.add(Flag.duration("authentication-token-webhook-cache-ttl", "10s", "The duration to cache responses from the "
                + "webhook token authenticator."));
        f.add(Flag.bool("anonymous-auth", true, "Treat requests without credentials as system:anonymous (then authorized "
                + "by SubjectAccessReview), as aggregated API servers do; false answers them 401."));
        f.add(Flag.string("kubeconfig", "", "The path to the kubeconfig used to connect to the Kubernetes API server "
                + "(defaults to in-cluster config)."));
        // authorization
        f.add(Flag.string("authorization-mode", "Webhook", "Webhook: authorize with SubjectAccessReview. AlwaysAllow: "
                + "allow every authenticated request, for local runs without an API server only (logged loudly)."));
        f.add(Flag.repeatable("authorization-always-allow-paths", "A list of HTTP paths to skip during authorization.")
                .withDefault("/healthz,/readyz,/livez"));
        f.add(Flag.duration("authorization-webhook-cache-authorized-ttl", "10s",
                "The duration to cache 'authorized' responses from the webhook authorizer."));
        f.add(Flag.duration("authorization-webhook-cache-unauthorized-ttl", "10s",
                "The duration to cache 'unauthorized' responses from the webhook authorizer."));
        // metrics
        f.add(Flag.duration("metric-resolution", "15s", "The resolution at which the aggregator will retain metrics "
                + "(metrics-server requires at least 10s; shorter values are accepted for tests)."));
        f.add(Flag.string("node-selector", "", "Selector (label query) to filter on, supports '=', '==', and '!='."));
        f.add(Flag.repeatable("static-node", "NAME=URL of an agent's /metrics/resource (URL without a path: "
                + "/metrics/resource). Repeatable. Replaces node discovery; no API server needed."));
        f.add(Flag.integer("scrape-concurrency", 128, "At most this many agent requests in flight."));
        // The default is the agents' ServiceAccount as daemonset/ deploys them.
        f.add(Flag.repeatable("push-service-accounts", "namespace:name of ServiceAccounts whose bound tokens may push "
                + "for the node their pod runs on.").withDefault("nodepulse:nodepulse-agent"));
        // kubelet (agent) client
        f.add(Flag.repeatable("kubelet-preferred-address-types", "The priority of node address types to use when "
                + "determining which address to use to connect to a particular node")
                .withDefault("Hostname,InternalDNS,InternalIP,ExternalDNS,ExternalIP"));
        f.add(Flag.integer("kubelet-port", 9100, "The port to use to connect to the agents (nodepulse agents serve "
                + "/metrics/resource on 9100)."));
        f.add(Flag.bool("kubelet-use-node-status-port", false, "Use the port in the node status. Takes precedence over "
                + "--kubelet-port flag."));
        f.add(Flag.bool("kubelet-insecure-tls", false, "Do not verify CA of serving certificates presented by agents. "
                + "For testing purposes only."));
        f.add(Flag.string("kubelet-certificate-authority", "", "Path to the CA to use to validate the agents' serving certificates."));
        f.add(Flag.string("kubelet-client-certificate", "", "Path to a client cert file for TLS."));
        f.add(Flag.string("kubelet-client-key", "", "Path to a client key file for TLS."));
        f.add(Flag.duration("kubelet-request-timeout", "10s", "The length of time to wait before giving up on a single "
                + "request to an agent."));
        f.add(Flag.bool("deprecated-kubelet-completely-insecure", false, "Use plain http and no credentials towards "
                + "discovered agents. Rarely the right option."));
        f.add(Flag.string("log.level", "info", "Only log messages with the given severity or above. One of: [debug, info, warn, error]"));
        f.add(Flag.string("log.format", "logfmt", "Output format of log messages. One of: [logfmt, json]"));
        return f;
    }

    /** A list flag's values: every occurrence, comma-split, blanks dropped. */
    public static List<String> list(FlagValues v, String name) {
        List<String> out = new ArrayList<>();
        for (String s : v.all(name)) {
            for (String part : s.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }
}
