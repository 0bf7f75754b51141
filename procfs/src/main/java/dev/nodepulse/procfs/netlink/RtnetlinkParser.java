package dev.nodepulse.procfs.netlink;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.natives.NetlinkSocket;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes rtnetlink dump replies into records: RTM_NEWLINK (linux/rtnetlink.h, if_link.h) and RTM_NEWADDR
 * (if_addr.h), each message's payload after the nlmsghdr, in native byte order. Messages of other types are
 * skipped; attributes node_exporter does not read are skipped; an attribute with an impossible size is an
 * error, as in the Go rtnetlink library node_exporter uses.
 */
public final class RtnetlinkParser {

    public static final int RTM_NEWLINK = 16;
    public static final int RTM_GETLINK = 18;
    public static final int RTM_NEWADDR = 20;
    public static final int RTM_GETADDR = 22;

    public static final int AF_UNSPEC = 0;
    public static final int AF_INET = 2;
    public static final int AF_INET6 = 10;

    private static final int IFINFOMSG_LEN = 16;
    private static final int IFADDRMSG_LEN = 8;

    private static final int IFLA_ADDRESS = 1;
    private static final int IFLA_BROADCAST = 2;
    private static final int IFLA_IFNAME = 3;
    private static final int IFLA_MTU = 4;
    private static final int IFLA_LINK = 5;
    private static final int IFLA_STATS = 7;
    private static final int IFLA_TXQLEN = 13;
    private static final int IFLA_OPERSTATE = 16;
    private static final int IFLA_LINKMODE = 17;
    private static final int IFLA_IFALIAS = 20;
    private static final int IFLA_STATS64 = 23;
    private static final int IFLA_GROUP = 27;
    private static final int IFLA_CARRIER = 33;
    private static final int IFLA_CARRIER_CHANGES = 35;
    private static final int IFLA_CARRIER_UP_COUNT = 47;
    private static final int IFLA_CARRIER_DOWN_COUNT = 48;
    private static final int IFLA_PROP_LIST = 52;
    private static final int IFLA_ALT_IFNAME = 53;

    private static final int IFA_ADDRESS = 1;
    private static final int IFA_LOCAL = 2;

    private RtnetlinkParser() {}

    /** The payload of an RTM_GETLINK dump request: an all-zero ifinfomsg (every family, every link). */
    public static byte[] linkRequest() {
        return new byte[IFINFOMSG_LEN];
    }

    /** The payload of an RTM_GETADDR dump request: an ifaddrmsg for every family. */
    public static byte[] addressRequest() {
        return new byte[IFADDRMSG_LEN];
    }

    /** The RTM_NEWLINK messages of a dump, decoded; other message types are skipped. */
    public static List<LinkMessage> links(List<NetlinkSocket.Message> messages) throws ParseException {
        List<LinkMessage> out = new ArrayList<>();
        for (NetlinkSocket.Message m : messages) {
            if (m.type() == RTM_NEWLINK) {
                out.add(link(m.payload()));
            }
        }
        return out;
    }

    /** The RTM_NEWADDR messages of a dump with an IPv4 or IPv6 address; other message types are skipped. */
    public static List<AddressMessage> addresses(List<NetlinkSocket.Message> messages) throws ParseException {
        List<AddressMessage> out = new ArrayList<>();
        for (NetlinkSocket.Message m : messages) {
            if (m.type() == RTM_NEWADDR) {
                AddressMessage a = address(m.payload());
                if (a != null) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    /** One RTM_NEWLINK payload: struct ifinfomsg (family, pad, type, index, flags, change) and attributes. */
    public static LinkMessage link(byte[] p) throws ParseException {
        if (p.length < IFINFOMSG_LEN) {
            throw new ParseException("rtnetlink: RTM_NEWLINK shorter than an ifinfomsg");
        }
        ByteBuffer b = order(p);
        int type = Short.toUnsignedInt(b.getShort(2));
        int index = b.getInt(4);
        long flags = Integer.toUnsignedLong(b.getInt(8));
        String name = "";
        String address = "";
        String broadcast = "";
        long mtu = 0;
        long link = 0;
        Long txQueueLen = null;
        int operState = 0;
        Long linkMode = null;
        Long group = null;
        Long carrier = null;
        Long carrierChanges = null;
        Long carrierUp = null;
        Long carrierDown = null;
        String alias = null;
        List<String> altNames = new ArrayList<>();
        LinkStats stats64 = null;
        LinkStats stats32 = null;
        for (NetlinkAttribute a : NetlinkAttribute.parse(p, IFINFOMSG_LEN, p.length)) {
            switch (a.type()) {
                case IFLA_ADDRESS -> address = hardwareAddress(a.data(), "IFLA_ADDRESS");
                case IFLA_BROADCAST -> broadcast = hardwareAddress(a.data(), "IFLA_BROADCAST");
                case IFLA_IFNAME -> name = string(a.data());
                case IFLA_MTU -> mtu = a.u32();
                case IFLA_LINK -> link = a.u32();
                case IFLA_TXQLEN -> txQueueLen = a.u32();
                case IFLA_OPERSTATE -> operState = a.u8();
                case IFLA_LINKMODE -> linkMode = (long) a.u8();
                case IFLA_GROUP -> group = a.u32();
                case IFLA_CARRIER -> carrier = (long) a.u8();
                case IFLA_CARRIER_CHANGES -> carrierChanges = a.u32();
                case IFLA_CARRIER_UP_COUNT -> carrierUp = a.u32();
                case IFLA_CARRIER_DOWN_COUNT -> carrierDown = a.u32();
                case IFLA_IFALIAS -> alias = string(a.data());
                case IFLA_STATS64 -> stats64 = stats64(a.data());
                case IFLA_STATS -> stats32 = stats32(a.data());
                case IFLA_PROP_LIST -> {
                    for (NetlinkAttribute n : a.nested()) {
                        if (n.type() == IFLA_ALT_IFNAME) {
                            altNames.add(string(n.data()));
                        }
                    }
                }
                default -> {
                }
            }
        }
        return new LinkMessage(index, type, flags, name, address, broadcast, mtu, link, txQueueLen, operState,
                linkMode, group, carrier, carrierChanges, carrierUp, carrierDown, alias, altNames,
                stats64 != null ? stats64 : stats32);
    }

    /**
     * One RTM_NEWADDR payload: struct ifaddrmsg (family, prefix length, flags, scope, index) and attributes;
     * null when it carries no address of its family's size.
     */
    public static AddressMessage address(byte[] p) throws ParseException {
        if (p.length < IFADDRMSG_LEN) {
            throw new ParseException("rtnetlink: RTM_NEWADDR shorter than an ifaddrmsg");
        }
        int family = Byte.toUnsignedInt(p[0]);
        int prefix = Byte.toUnsignedInt(p[1]);
        int index = order(p).getInt(4);
        byte[] local = null;
        byte[] addr = null;
        for (NetlinkAttribute a : NetlinkAttribute.parse(p, IFADDRMSG_LEN, p.length)) {
            if (a.type() == IFA_LOCAL) {
                local = a.data();
            } else if (a.type() == IFA_ADDRESS) {
                addr = a.data();
            }
        }
        byte[] chosen = local != null ? local : addr;
        int want = family == AF_INET ? 4 : family == AF_INET6 ? 16 : -1;
        if (chosen == null || want < 0 || chosen.length < want) {
            return null;
        }
        try {
            return new AddressMessage(index, family, prefix, InetAddress.getByAddress(Arrays.copyOf(chosen, want)));
        } catch (UnknownHostException e) {
            throw new ParseException("rtnetlink: bad address of length " + chosen.length);
        }
    }

    private static LinkStats stats64(byte[] v) throws ParseException {
        if (v.length != 184 && v.length != 192 && v.length != 200) {
            throw new ParseException("rtnetlink: IFLA_STATS64 of " + v.length + " bytes, want 184, 192 or 200");
        }
        ByteBuffer b = order(v);
        long[] f = new long[25];
        for (int i = 0; i < v.length / 8; i++) {
            f[i] = b.getLong(8 * i);
        }
        return stats(f);
    }

    private static LinkStats stats32(byte[] v) throws ParseException {
        if (v.length != 92 && v.length != 96) {
            throw new ParseException("rtnetlink: IFLA_STATS of " + v.length + " bytes, want 92 or 96");
        }
        ByteBuffer b = order(v);
        long[] f = new long[25];
        for (int i = 0; i < v.length / 4; i++) {
            f[i] = Integer.toUnsignedLong(b.getInt(4 * i));
        }
        return stats(f);
    }

    private static LinkStats stats(long[] f) {
        return new LinkStats(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[11], f[12],
                f[13], f[14], f[15], f[16], f[17], f[18], f[19], f[20], f[21], f[22], f[23], f[24]);
    }

    private static String hardwareAddress(byte[] v, String what) throws ParseException {
        if (v.length < 4 || v.length > 32) {
            throw new ParseException("rtnetlink: " + what + " of " + v.length + " bytes");
        }
        StringBuilder s = new StringBuilder(v.length * 3);
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                s.append(':');
            }
            int x = Byte.toUnsignedInt(v[i]);
            s.append(Character.forDigit(x >> 4, 16)).append(Character.forDigit(x & 0xf, 16));
        }
        return s.toString();
    }

    /** The value without one trailing NUL, as the Go netlink library reads strings (not cut at the first). */
    private static String string(byte[] v) {
        int n = v.length;
        if (n > 0 && v[n - 1] == 0) {
            n--;
        }
        return new String(v, 0, n, StandardCharsets.UTF_8);
    }

    private static ByteBuffer order(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.nativeOrder());
    }
}
