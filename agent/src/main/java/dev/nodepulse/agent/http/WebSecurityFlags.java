package dev.nodepulse.agent.http;

import dev.nodepulse.agent.NodeName;
import dev.nodepulse.cli.Flag;
import dev.nodepulse.cli.FlagSet;
import dev.nodepulse.cli.FlagValues;
import dev.nodepulse.kubelet.auth.KubeClientOptions;
import dev.nodepulse.kubelet.serve.KubeAuthOptions;
import dev.nodepulse.kubelet.serve.ServingOptions;
import dev.nodepulse.kubelet.serve.ServingSecurity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * The agent's serving security flags: node_exporter's --web.config.file, the kubelet's TLS and client CA
 * flags, and --web.kube-auth for kubelet-style Kubernetes auth on the kubelet's paths.
 */
public final class WebSecurityFlags {

    /** How long one TokenReview or SubjectAccessReview call may take. */
    private static final Duration API_TIMEOUT = Duration.ofSeconds(10);

    private WebSecurityFlags() {}

    public static void define(FlagSet f) {
        f.add(Flag.string("web.config.file", "", "Path to configuration file that can enable TLS or authentication. "
                + "See: https://github.com/prometheus/exporter-toolkit/blob/master/docs/web-configuration.md"));
        f.add(Flag.string("tls-cert-file", "", "PEM certificate (chain) to serve HTTPS with, re-read when it changes "
                + "(the kubelet's flag). Exclusive with TLS in --web.config.file."));
        f.add(Flag.string("tls-private-key-file", "", "PEM private key for --tls-cert-file (PKCS#8, PKCS#1 or SEC1)."));
        f.add(Flag.bool("web.tls-self-signed", false, "Serve HTTPS with a key pair generated at start; its SHA-256 "
                + "fingerprint is logged. Implied by --web.kube-auth when no other certificate is configured."));
        f.add(Flag.string("client-ca-file", "", "With --web.kube-auth: client certificates signed by these CAs "
                + "authenticate as their CN (user) and O (groups), as with the kubelet's flag."));
        f.add(Flag.bool("web.kube-auth", false, "Require Kubernetes credentials on /stats/* and /metrics/*: a client "
                + "certificate (--client-ca-file) or a bearer token checked with TokenReview, then a SubjectAccessReview "
                + "on nodes/stats, nodes/metrics or nodes/proxy of --node-name, as the kubelet does."));
        f.add(Flag.bool("web.kube-auth.protect-node-metrics", false,
                "Also require Kubernetes credentials on --web.telemetry-path (authorized as nodes/metrics)."));
        f.add(Flag.duration("web.kube-auth.token-cache-ttl", "2m", "How long TokenReview answers are cached."));
        f.add(Flag.duration("web.kube-auth.authorized-cache-ttl", "5m",
                "How long allowing SubjectAccessReview answers are cached."));
        f.add(Flag.duration("web.kube-auth.unauthorized-cache-ttl", "30s",
                "How long denying SubjectAccessReview answers are cached."));
        f.add(Flag.string("kubeconfig", "", "kubeconfig for the API server (TokenReview, SubjectAccessReview); empty: "
                + "the pod's service account."));
        f.add(Flag.string("node-name", "", "This node's name in Kubernetes; default: $NODE_NAME, else the host name."));
    }

    /** Which paths kube auth guards: the kubelet's /stats and /metrics trees, and the node metrics path if asked. */
    public static Predicate<String> protectedPaths(boolean protectNodeMetrics, String telemetryPath) {
        return p -> p.equals("/stats") || p.startsWith("/stats/") || p.startsWith("/metrics/")
                || (protectNodeMetrics && p.equals(telemetryPath));
    }

    public static ServingSecurity configure(FlagValues f, String telemetryPath) throws Exception {
        String nodeName = NodeName.resolve(f.string("node-name"), System.getenv());
        KubeAuthOptions kube = null;
        if (f.bool("web.kube-auth")) {
            String kubeconfig = f.string("kubeconfig");
            kube = new KubeAuthOptions(nodeName, new KubeClientOptions(kubeconfig.isEmpty() ? null : kubeconfig, API_TIMEOUT),
                    path(f, "client-ca-file"), f.duration("web.kube-auth.token-cache-ttl"),
                    f.duration("web.kube-auth.authorized-cache-ttl"), f.duration("web.kube-auth.unauthorized-cache-ttl"),
                    protectedPaths(f.bool("web.kube-auth.protect-node-metrics"), telemetryPath));
        } else if (!f.string("client-ca-file").isEmpty()) {
            throw new IllegalArgumentException("--client-ca-file authenticates for --web.kube-auth; for TLS client "
                    + "certificates without it use client_ca_file in --web.config.file");
        } else if (f.bool("web.kube-auth.protect-node-metrics")) {
            throw new IllegalArgumentException("--web.kube-auth.protect-node-metrics needs --web.kube-auth");
        }
        ServingOptions o = new ServingOptions(path(f, "web.config.file"), path(f, "tls-cert-file"),
                path(f, "tls-private-key-file"), f.bool("web.tls-self-signed"), nodeName, List.of(), kube);
        if (o.webConfigFile() == null && o.tlsCertFile() == null && o.tlsKeyFile() == null && !o.selfSigned() && kube == null) {
            return ServingSecurity.none();
        }
        return ServingSecurity.configure(o);
    }

    private static Path path(FlagValues f, String name) {
        String s = f.string(name);
        return s.isEmpty() ? null : Path.of(s);
    }
}
