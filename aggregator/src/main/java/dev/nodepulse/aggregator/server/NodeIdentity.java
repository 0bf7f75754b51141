package dev.nodepulse.aggregator.server;

import dev.nodepulse.kubelet.auth.UserInfo;
import java.util.List;
import java.util.Set;

/**
 * Which node an authenticated agent speaks for, so that it may push only its own node's metrics. Two proofs are
 * accepted:
 * <ul>
 *   <li>a node credential, user {@code system:node:<name>} in group {@code system:nodes} — the kubelet's client
 *       certificate (CN/O, checked against {@code --client-ca-file}) or any token TokenReview maps to that user;</li>
 *   <li>a bound ServiceAccount token of one of the agent's ServiceAccounts: TokenReview then reports the node the
 *       token's pod runs on in extra {@code authentication.kubernetes.io/node-name} (Kubernetes 1.30+), which the
 *       agent cannot choose.</li>
 * </ul>
 * Anything else — front-proxy headers, anonymous, other users — proves no node.
 */
public final class NodeIdentity {

    static final String NODE_PREFIX = "system:node:";
    static final String NODES_GROUP = "system:nodes";
    static final String NODE_NAME_EXTRA = "authentication.kubernetes.io/node-name";
    private static final String SA_PREFIX = "system:serviceaccount:";

    private final Set<String> serviceAccounts;

    /** @param serviceAccounts "namespace:name" of the agents' ServiceAccounts allowed to push */
    public NodeIdentity(Set<String> serviceAccounts) {
        this.serviceAccounts = Set.copyOf(serviceAccounts);
    }

    /** The node name this user proves, or null. */
    public String nodeOf(UserInfo user, DelegatedAuthentication.Method method) {
        if (user == null || (method != DelegatedAuthentication.Method.CLIENT_CERTIFICATE
                && method != DelegatedAuthentication.Method.TOKEN)) {
            return null;
        }
        if (user.name().startsWith(NODE_PREFIX) && user.groups().contains(NODES_GROUP)) {
            String node = user.name().substring(NODE_PREFIX.length());
            return node.isEmpty() ? null : node;
        }
        if (method == DelegatedAuthentication.Method.TOKEN && user.name().startsWith(SA_PREFIX)
                && serviceAccounts.contains(user.name().substring(SA_PREFIX.length()))) {
            List<String> nodes = user.extra().get(NODE_NAME_EXTRA);
            if (nodes != null && nodes.size() == 1 && !nodes.get(0).isEmpty()) {
                return nodes.get(0);
            }
        }
        return null;
    }
}
