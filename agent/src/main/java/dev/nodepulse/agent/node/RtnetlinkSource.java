package dev.nodepulse.agent.node;

import dev.nodepulse.procfs.netlink.AddressMessage;
import dev.nodepulse.procfs.netlink.LinkMessage;
import dev.nodepulse.procfs.netlink.Rtnetlink;
import java.io.IOException;
import java.util.List;

/**
 * The links and addresses of the agent's network namespace, as rtnetlink dumps them; the host's when the
 * agent runs with hostNetwork. Like node_exporter's netlink mode this does not go through --path.procfs.
 * Tests substitute canned messages.
 */
interface RtnetlinkSource {

    List<LinkMessage> links() throws IOException;

    List<AddressMessage> addresses() throws IOException;

    RtnetlinkSource KERNEL = new RtnetlinkSource() {
        @Override
        public List<LinkMessage> links() throws IOException {
            return new Rtnetlink(QdiscCollector.NETLINK_TIMEOUT_MILLIS).links();
        }

        @Override
        public List<AddressMessage> addresses() throws IOException {
            return new Rtnetlink(QdiscCollector.NETLINK_TIMEOUT_MILLIS).addresses();
        }
    };
}
