package dev.nodepulse.procfs.netlink;

import dev.nodepulse.procfs.natives.NetlinkSocket;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dumps from the kernel over netlink, in the agent's network namespace (the host's under hostNetwork),
 * which is where node_exporter reads them too.
 */
public final class Rtnetlink {

    private static final int RTM_GETROUTE = 26;
    private static final int RTM_GETQDISC = 38;
    private static final int SOCK_DIAG_BY_FAMILY = 20;
    private static final int DUMP = NetlinkSocket.NLM_F_REQUEST | NetlinkSocket.NLM_F_DUMP;

    private final int timeoutMillis;

    public Rtnetlink(int timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    /** Every link (network interface) with its attributes and counters. */
    public List<LinkMessage> links() throws IOException {
        try (NetlinkSocket s = NetlinkSocket.open(NetlinkSocket.NETLINK_ROUTE, timeoutMillis)) {
            return RtnetlinkParser.links(s.request(RtnetlinkParser.RTM_GETLINK, DUMP, RtnetlinkParser.linkRequest()));
        }
    }

    /** Interface index → name. */
    public Map<Integer, String> linkNames() throws IOException {
        Map<Integer, String> out = new HashMap<>();
        for (LinkMessage l : links()) {
            out.put(l.index(), l.name());
        }
        return out;
    }

    /** Every IPv4 and IPv6 address of every interface. */
    public List<AddressMessage> addresses() throws IOException {
        try (NetlinkSocket s = NetlinkSocket.open(NetlinkSocket.NETLINK_ROUTE, timeoutMillis)) {
            return RtnetlinkParser.addresses(
                    s.request(RtnetlinkParser.RTM_GETADDR, DUMP, RtnetlinkParser.addressRequest()));
        }
    }

    /** Every qdisc of every interface, root and child. */
    public List<QdiscStats> qdiscs() throws IOException {
        try (NetlinkSocket s = NetlinkSocket.open(NetlinkSocket.NETLINK_ROUTE, timeoutMillis)) {
            List<NetlinkSocket.Message> msgs = s.request(RTM_GETQDISC, DUMP, new byte[20]);
            Map<Integer, String> names = linkNames();
            List<QdiscStats> out = new ArrayList<>(msgs.size());
            for (NetlinkSocket.Message m : msgs) {
                out.add(NetlinkMessageParser.qdisc(m.payload(), names));
            }
            return out;
        }
    }

    /** Every route of every family and table. */
    public List<NetlinkMessageParser.Route> routes() throws IOException {
        try (NetlinkSocket s = NetlinkSocket.open(NetlinkSocket.NETLINK_ROUTE, timeoutMillis)) {
            List<NetlinkMessageParser.Route> out = new ArrayList<>();
            for (NetlinkSocket.Message m : s.request(RTM_GETROUTE, DUMP, new byte[12])) {
                out.add(NetlinkMessageParser.route(m.payload()));
            }
            return out;
        }
    }

    /** Every TCP socket of the family (2 = AF_INET, 10 = AF_INET6), from sock_diag. */
    public List<NetlinkMessageParser.InetDiagSocket> tcpSockets(int family) throws IOException {
        try (NetlinkSocket s = NetlinkSocket.open(NetlinkSocket.NETLINK_SOCK_DIAG, timeoutMillis)) {
            List<NetlinkMessageParser.InetDiagSocket> out = new ArrayList<>();
            for (NetlinkSocket.Message m : s.request(SOCK_DIAG_BY_FAMILY, DUMP,
                    NetlinkMessageParser.inetDiagRequest(family))) {
                out.add(NetlinkMessageParser.inetDiag(m.payload()));
            }
            return out;
        }
    }
}
