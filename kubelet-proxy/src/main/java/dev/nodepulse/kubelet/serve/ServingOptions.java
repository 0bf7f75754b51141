package dev.nodepulse.kubelet.serve;

import java.nio.file.Path;
import java.util.List;

/**
 * How an HTTP endpoint is secured. At most one TLS source: node_exporter's web config file, a certificate and
 * key file pair, or a self-signed pair made at start (names and addresses for its subjectAltName).
 *
 * @param kubeAuth null for no Kubernetes auth
 */
public record ServingOptions(Path webConfigFile, Path tlsCertFile, Path tlsKeyFile, boolean selfSigned,
        String selfSignedHost, List<String> selfSignedAddresses, KubeAuthOptions kubeAuth) {}
