package dev.nodepulse.aggregator.cluster;

import dev.nodepulse.aggregator.scraper.ScrapeTarget;
import dev.nodepulse.aggregator.scraper.TargetSource;
import dev.nodepulse.log.Log;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Scrape targets from the node informer, as metrics-server addresses kubelets: the first address whose type
 * comes earliest in {@code --kubelet-preferred-address-types}, the node status' kubelet port when
 * {@code --kubelet-use-node-status-port} is set (and non-zero) else {@code --kubelet-port}, and the path from the
 * node's {@code metrics.k8s.io/resource-metrics-path} annotation or {@code /metrics/resource}.
 */
public final class InformerTargets implements TargetSource {

    private static final Log LOG = Log.get(InformerTargets.class);

    private final ClusterView cluster;
    private final List<String> addressTypes;
    private final int port;
    private final boolean useNodeStatusPort;
    private final String scheme;

    public InformerTargets(ClusterView cluster, List<String> addressTypes, int port, boolean useNodeStatusPort,
            String scheme) {
        this.cluster = cluster;
        this.addressTypes = List.copyOf(addressTypes);
        this.port = port;
        this.useNodeStatusPort = useNodeStatusPort;
        this.scheme = scheme;
    }

    @Override
    public List<ScrapeTarget> targets() {
        List<ScrapeTarget> out = new ArrayList<>();
        for (NodeInfo n : cluster.nodes(LabelSelector.EVERYTHING)) {
            String address = address(n);
            if (address == null) {
                LOG.warn("Failed to scrape node: no address matched types", "node", n.name(), "types", addressTypes);
                continue;
            }
            int p = useNodeStatusPort && n.kubeletPort() != 0 ? n.kubeletPort() : port;
            String path = n.resourceMetricsPath() == null ? "/metrics/resource" : n.resourceMetricsPath();
            String host = address.contains(":") ? "[" + address + "]" : address;
            try {
                out.add(new ScrapeTarget(n.name(), URI.create(scheme + "://" + host + ":" + p + path)));
            } catch (IllegalArgumentException e) {
                LOG.warn("Failed to scrape node: bad address or path", "node", n.name(), "err", e.getMessage());
            }
        }
        return out;
    }

    String address(NodeInfo n) {
        for (String type : addressTypes) {
            for (NodeInfo.Address a : n.addresses()) {
                if (a.type().equals(type)) {
                    return a.address();
                }
            }
        }
        return null;
    }
}
