package dev.nodepulse.kubelet.auth.kube;

import dev.nodepulse.kubelet.auth.KubeClientOptions;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import java.io.File;
import java.io.FileReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/** One configured client-java {@link ApiClient}: from a kubeconfig file, or the pod's service account. */
public final class KubeClients {

    private KubeClients() {}

    public static ApiClient apiClient(KubeClientOptions options) throws IOException {
        ApiClient client;
        if (options.kubeconfig() == null || options.kubeconfig().isEmpty()) {
            if (System.getenv("KUBERNETES_SERVICE_HOST") == null) {
                throw new IOException("no --kubeconfig given and not running in a pod (KUBERNETES_SERVICE_HOST is unset)");
            }
            try {
                client = ClientBuilder.cluster().build();
            } catch (IOException e) {
                throw new IOException("in-cluster credentials unusable: " + e.getMessage(), e);
            }
        } else {
            try (Reader r = new FileReader(options.kubeconfig(), StandardCharsets.UTF_8)) {
                KubeConfig config = KubeConfig.loadKubeConfig(r);
                config.setFile(new File(options.kubeconfig()));
                client = ClientBuilder.kubeconfig(config).build();
            }
        }
        int ms = (int) Math.min(Integer.MAX_VALUE, options.timeout().toMillis());
        client.setConnectTimeout(ms);
        client.setReadTimeout(ms);
        client.setWriteTimeout(ms);
        return client;
    }
}
