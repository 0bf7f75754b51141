package dev.nodepulse.aggregator.server;

import dev.nodepulse.aggregator.api.ApiResponse;
import dev.nodepulse.aggregator.api.ApiStatus;
import dev.nodepulse.aggregator.scraper.PushedNodes;
import dev.nodepulse.aggregator.scraper.ResourceMetricsDecoder;
import dev.nodepulse.aggregator.storage.MetricsStorage;
import dev.nodepulse.aggregator.storage.NodeBatch;
import dev.nodepulse.kubelet.auth.UserInfo;
import dev.nodepulse.log.Log;

/**
 * {@code POST /push/v1/nodes/<node>}: an agent behind NAT sends its /metrics/resource body (Prometheus text,
 * optionally gzip) every resolution. Accepted only from a user that proves that very node
 * ({@link NodeIdentity}); the body is decoded and stored exactly as a scraped one.
 */
public final class PushHandler {

    public static final String PREFIX = "/push/v1/nodes/";
    private static final Log LOG = Log.get(PushHandler.class);

    private final NodeIdentity identity;
    private final MetricsStorage storage;
    private final PushedNodes pushed;
    private final SelfMetrics metrics;

    public PushHandler(NodeIdentity identity, MetricsStorage storage, PushedNodes pushed, SelfMetrics metrics) {
        this.identity = identity;
        this.storage = storage;
        this.pushed = pushed;
        this.metrics = metrics;
    }

    public static boolean serves(String path) {
        return path.startsWith(PREFIX);
    }

    public ApiResponse handle(String method, String path, DelegatedAuthentication.Result auth, byte[] body) {
        String node = path.substring(PREFIX.length());
        if (node.isEmpty() || node.contains("/")) {
            return ApiStatus.failure(404, "NotFound", "the server could not find the requested resource", null, null, null);
        }
        if (!method.equals("POST") && !method.equals("PUT")) {
            return ApiStatus.failure(405, "MethodNotAllowed", "the server does not allow this method on the requested resource",
                    null, null, null);
        }
        UserInfo user = auth.user();
        if (user == null || auth.method() == DelegatedAuthentication.Method.ANONYMOUS) {
            metrics.push("unauthenticated");
            return ApiStatus.unauthorized();
        }
        String proven = identity.nodeOf(user, auth.method());
        if (!node.equals(proven)) {
            metrics.push("forbidden");
            LOG.warn("Refused a push for another node", "user", user.name(), "node", node, "proven_node", proven);
            return ApiStatus.failure(403, "Forbidden", "forbidden: User \"" + user.name() + "\" cannot push metrics of node \""
                    + node + "\"" + (proven == null ? ": the credential proves no node" : ": it speaks for node \"" + proven + "\""),
                    node, null, "nodes");
        }
        NodeBatch batch;
        try {
            batch = ResourceMetricsDecoder.decode(body, System.currentTimeMillis() * 1_000_000L, node);
        } catch (Exception e) {
            metrics.push("invalid");
            return ApiStatus.badRequest("cannot read the /metrics/resource body: " + e.getMessage());
        }
        pushed.pushed(node);
        storage.store(node, batch);
        metrics.push("accepted");
        return ApiResponse.json(200, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Success\",\"code\":200}");
    }
}
