package dev.nodepulse.procfs.netlink;

import dev.nodepulse.procfs.ParseException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pure decoders of the kernel's netlink replies (payloads after the nlmsghdr) that the qdisc, tcpstat and
 * network_route collectors use. Layouts are the uapi structs named on each method, in host byte order.
 */
public final class NetlinkMessageParser {

    private NetlinkMessageParser() {}

    /**
     * RTM_NEWQDISC: struct tcmsg (20 bytes: family, pads, ifindex, handle, parent, info) and attributes
     * TCA_KIND (1), TCA_STATS (3, struct tc_stats) and TCA_STATS2 (7, nested TCA_STATS_BASIC 1 and
     * TCA_STATS_QUEUE 3). Attributes apply in the order the kernel sends them, as in the qdisc library
     * node_exporter uses: the compat TCA_STATS after TCA_STATS2 rewrites the counters both carry.
     */
    public static QdiscStats qdisc(byte[] p, Map<Integer, String> names) throws ParseException {
        if (p.length < 20) {
            throw new ParseException("short message, len=" + p.length);
        }
        ByteBuffer b = order(p);
        int ifindex = b.getInt(4);
        long handle = Integer.toUnsignedLong(b.getInt(8));
        long parent = Integer.toUnsignedLong(b.getInt(12));
        if (parent == 0xffffffffL) {
            parent = 0;
        }
        String kind = "";
        long bytes = 0;
        long packets = 0;
        long drops = 0;
        long requeues = 0;
        long overlimits = 0;
        long qlen = 0;
        long backlog = 0;
        for (NetlinkAttribute a : NetlinkAttribute.parse(p, 20, p.length)) {
            switch (a.type()) {
                case 1 -> kind = a.string();
                case 7 -> {
                    long[] s2 = new long[7]; // bytes, packets, qlen, backlog, drops, requeues, overlimits
                    for (NetlinkAttribute n : a.nested()) {
                        ByteBuffer d = order(n.data());
                        if (n.type() == 1 && n.data().length >= 12) {
                            s2[0] = d.getLong(0);
                            s2[1] = Integer.toUnsignedLong(d.getInt(8));
                        } else if (n.type() == 3 && n.data().length >= 20) {
                            for (int i = 0; i < 5; i++) {
                                s2[2 + i] = Integer.toUnsignedLong(d.getInt(4 * i));
                            }
                        }
                    }
                    bytes = s2[0];
                    packets = s2[1];
                    qlen = s2[2];
                    backlog = s2[3];
                    drops = s2[4];
                    requeues = s2[5];
                    overlimits = s2[6];
                }
                case 3 -> {
                    if (a.data().length < 36) {
                        throw new ParseException("short tc_stats: " + a.data().length + " bytes");
                    }
                    ByteBuffer d = order(a.data());
                    bytes = d.getLong(0);
                    packets = Integer.toUnsignedLong(d.getInt(8));
                    drops = Integer.toUnsignedLong(d.getInt(12));
                    overlimits = Integer.toUnsignedLong(d.getInt(16));
                    qlen = Integer.toUnsignedLong(d.getInt(28));
                    backlog = Integer.toUnsignedLong(d.getInt(32));
                }
                default -> {
                }
            }
        }
        return new QdiscStats(names.getOrDefault(ifindex, ""), handle, parent, kind, bytes, packets, drops,
                requeues, overlimits, qlen, backlog);
    }

    /**
     * SOCK_DIAG_BY_FAMILY reply: struct inet_diag_msg (family, state, timer, retrans, 48-byte
     * inet_diag_sockid, expires, rqueue, wqueue, uid, inode).
     */
    public static InetDiagSocket inetDiag(byte[] p) throws ParseException {
        if (p.length < 72) {
            throw new ParseException("short inet_diag_msg: " + p.length + " bytes");
        }
        ByteBuffer b = order(p);
        return new InetDiagSocket(Byte.toUnsignedInt(p[1]), Integer.toUnsignedLong(b.getInt(56)),
                Integer.toUnsignedLong(b.getInt(60)));
    }

    /** One socket's TCP state and queue sizes (for a listener: current and maximum accept backlog). */
    public record InetDiagSocket(int state, long receiveQueue, long sendQueue) {}

    /** The request for a dump of every TCP socket of one family: struct inet_diag_req_v2 (56 bytes). */
    public static byte[] inetDiagRequest(int family) {
        ByteBuffer b = ByteBuffer.allocate(56).order(ByteOrder.nativeOrder());
        b.put((byte) family).put((byte) 6 /* IPPROTO_TCP */).put((byte) (1 << (2 - 1)) /* INET_DIAG_INFO */)
                .put((byte) 0);
        b.putInt(0xfff); // every TCP state
        return b.array();
    }

    /**
     * RTM_NEWROUTE: struct rtmsg (12 bytes: family, dst_len, src_len, tos, table, protocol, scope, type,
     * flags) and the attributes the rtnetlink library node_exporter uses reads: RTA_DST 1, RTA_OIF 4,
     * RTA_GATEWAY 5, RTA_PRIORITY 6, RTA_PREFSRC 7 (its "Src"), RTA_MULTIPATH 9, RTA_TABLE 15.
     */
    public static Route route(byte[] p) throws ParseException {
        if (p.length < 12) {
            throw new ParseException("short rtmsg: " + p.length + " bytes");
        }
        byte[] dst = null;
        byte[] src = null;
        byte[] gateway = null;
        long oif = 0;
        long priority = 0;
        long table = Byte.toUnsignedInt(p[4]);
        List<NextHop> hops = new ArrayList<>();
        for (NetlinkAttribute a : NetlinkAttribute.parse(p, 12, p.length)) {
            switch (a.type()) {
                case 1 -> dst = ip(a);
                case 4 -> oif = a.u32();
                case 5 -> gateway = ip(a);
                case 6 -> priority = a.u32();
                case 7 -> src = ip(a);
                case 9 -> hops = nextHops(a.data());
                case 15 -> table = a.u32();
                default -> {
                }
            }
        }
        return new Route(Byte.toUnsignedInt(p[0]), Byte.toUnsignedInt(p[1]), Byte.toUnsignedInt(p[5]),
                Byte.toUnsignedInt(p[7]), table, dst, src, gateway, oif, priority, List.copyOf(hops));
    }

    /** A route. Addresses are raw bytes (4 or 16), null when the kernel sent none. */
    public record Route(int family, int dstLength, int protocol, int type, long table, byte[] dst, byte[] src,
                        byte[] gateway, long outInterface, long priority, List<NextHop> multipath) {}

    /** One path of a multipath route: struct rtnexthop (len, flags, hops, ifindex) and its RTA_GATEWAY. */
    public record NextHop(int hops, long interfaceIndex, byte[] gateway) {}

    private static List<NextHop> nextHops(byte[] b) throws ParseException {
        List<NextHop> out = new ArrayList<>();
        ByteBuffer buf = order(b);
        int off = 0;
        while (off + 8 <= b.length) {
            int len = Short.toUnsignedInt(buf.getShort(off));
            if (len < 8 || off + len > b.length) {
                throw new ParseException("rtnexthop of length " + len + " overruns RTA_MULTIPATH");
            }
            int hops = Byte.toUnsignedInt(b[off + 3]);
            long ifindex = Integer.toUnsignedLong(buf.getInt(off + 4));
            byte[] gw = null;
            for (NetlinkAttribute a : NetlinkAttribute.parse(b, off + 8, off + len)) {
                if (a.type() == 5) {
                    gw = ip(a);
                }
            }
            out.add(new NextHop(hops, ifindex, gw));
            off += (len + 3) & ~3;
        }
        return out;
    }

    private static byte[] ip(NetlinkAttribute a) throws ParseException {
        if (a.data().length != 4 && a.data().length != 16) {
            throw new ParseException("invalid IP address length: " + a.data().length);
        }
        return a.data();
    }

    private static ByteBuffer order(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.nativeOrder());
    }
}
