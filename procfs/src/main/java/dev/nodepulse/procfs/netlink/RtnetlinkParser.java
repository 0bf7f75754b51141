package dev.nodepulse.procfs.netlink;

import dev.nodepulse.procfs.ParseException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes rtnetlink dump replies (a run of netlink messages, native byte order) into records: RTM_NEWLINK
 * (linux/rtnetlink.h, if_link.h) and RTM_NEWADDR (if_addr.h). Messages of other types are skipped;
 * attributes node_exporter does not read are skipped; an attribute with an impossible size is an error,
 * as in the Go rtnetlink library node_exporter uses.
 */
public final class RtnetlinkParser {

    public static final int RTM_NEWLINK = 16;
    public static final int RTM_GETLINK = 18;
    public static final int RTM_NEWADDR = 20;
    public static final int RTM_GETADDR = 22;

    public static final int AF_UNSPEC = 0;
    public static final int AF_INET = 2;
    public static final int AF_INET6 = 10;

    private static final int NLMSG_HDRLEN = 16;
    private static final int IFINFOMSG_LEN = 16;
    private static final int IFADDRMSG_LEN = 8;
    private static final int ATTR_TYPE_MASK = 0x3fff;

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

    public static List<LinkMessage> links(byte[] messages) throws ParseException {
        List<LinkMessage> out = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(messages).order(ByteOrder.nativeOrder());
        int off = 0;
        while (off + NLMSG_HDRLEN <= messages.length) {
            int len = messageLength(b, off, messages.length);
            if (Short.toUnsignedInt(b.getShort(off + 4)) == RTM_NEWLINK) {
                out.add(link(b, off + NLMSG_HDRLEN, off + len));
            }
            off += align(len);
        }
        return out;
    }

    public static List<AddressMessage> addresses(byte[] messages) throws ParseException {
        List<AddressMessage> out = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(messages).order(ByteOrder.nativeOrder());
        int off = 0;
        while (off + NLMSG_HDRLEN <= messages.length) {
            int len = messageLength(b, off, messages.length);
            if (Short.toUnsignedInt(b.getShort(off + 4)) == RTM_NEWADDR) {
                AddressMessage a = address(b, off + NLMSG_HDRLEN, off + len);
                if (a != null) {
                    out.add(a);
                }
            }
            off += align(len);
        }
        return out;
    }

    private static int messageLength(ByteBuffer b, int off, int total) throws ParseException {
        int len = b.getInt(off);
        if (len < NLMSG_HDRLEN || off + len > total) {
            throw new ParseException("rtnetlink: message at offset " + off + " has bad length " + len);
        }
        return len;
    }

    private static LinkMessage link(ByteBuffer b, int start, int end) throws ParseException {
        if (end - start < IFINFOMSG_LEN) {
            throw new ParseException("rtnetlink: RTM_NEWLINK shorter than an ifinfomsg");
        }
        int type = Short.toUnsignedInt(b.getShort(start + 2));
        int index = b.getInt(start + 4);
        long flags = Integer.toUnsignedLong(b.getInt(start + 8));
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
        int off = start + IFINFOMSG_LEN;
        while (off + 4 <= end) {
            int alen = Short.toUnsignedInt(b.getShort(off));
            int atype = Short.toUnsignedInt(b.getShort(off + 2)) & ATTR_TYPE_MASK;
            if (alen < 4 || off + alen > end) {
                throw new ParseException("rtnetlink: link attribute " + atype + " has bad length " + alen);
            }
            int v = off + 4;
            int vlen = alen - 4;
            switch (atype) {
                case IFLA_ADDRESS -> address = hardwareAddress(b, v, vlen, "IFLA_ADDRESS");
                case IFLA_BROADCAST -> broadcast = hardwareAddress(b, v, vlen, "IFLA_BROADCAST");
                case IFLA_IFNAME -> name = string(b, v, vlen);
                case IFLA_MTU -> mtu = u32(b, v, vlen, "IFLA_MTU");
                case IFLA_LINK -> link = u32(b, v, vlen, "IFLA_LINK");
                case IFLA_TXQLEN -> txQueueLen = u32(b, v, vlen, "IFLA_TXQLEN");
                case IFLA_OPERSTATE -> operState = (int) u8(b, v, vlen, "IFLA_OPERSTATE");
                case IFLA_LINKMODE -> linkMode = u8(b, v, vlen, "IFLA_LINKMODE");
                case IFLA_GROUP -> group = u32(b, v, vlen, "IFLA_GROUP");
                case IFLA_CARRIER -> carrier = u8(b, v, vlen, "IFLA_CARRIER");
                case IFLA_CARRIER_CHANGES -> carrierChanges = u32(b, v, vlen, "IFLA_CARRIER_CHANGES");
                case IFLA_CARRIER_UP_COUNT -> carrierUp = u32(b, v, vlen, "IFLA_CARRIER_UP_COUNT");
                case IFLA_CARRIER_DOWN_COUNT -> carrierDown = u32(b, v, vlen, "IFLA_CARRIER_DOWN_COUNT");
                case IFLA_IFALIAS -> alias = string(b, v, vlen);
                case IFLA_STATS64 -> stats64 = stats64(b, v, vlen);
                case IFLA_STATS -> stats32 = stats32(b, v, vlen);
                case IFLA_PROP_LIST -> altNames.addAll(altNames(b, v, v + vlen));
                default -> {
                }
            }
            off += align(alen);
        }
        return new LinkMessage(index, type, flags, name, address, broadcast, mtu, link, txQueueLen, operState,
                linkMode, group, carrier, carrierChanges, carrierUp, carrierDown, alias, altNames,
                stats64 != null ? stats64 : stats32);
    }

    private static List<String> altNames(ByteBuffer b, int start, int end) throws ParseException {
        List<String> names = new ArrayList<>();
        int off = start;
        while (off + 4 <= end) {
            int alen = Short.toUnsignedInt(b.getShort(off));
            int atype = Short.toUnsignedInt(b.getShort(off + 2)) & ATTR_TYPE_MASK;
            if (alen < 4 || off + alen > end) {
                throw new ParseException("rtnetlink: IFLA_PROP_LIST entry has bad length " + alen);
            }
            if (atype == IFLA_ALT_IFNAME) {
                names.add(string(b, off + 4, alen - 4));
            }
            off += align(alen);
        }
        return names;
    }

    private static AddressMessage address(ByteBuffer b, int start, int end) throws ParseException {
        if (end - start < IFADDRMSG_LEN) {
            throw new ParseException("rtnetlink: RTM_NEWADDR shorter than an ifaddrmsg");
        }
        int family = Byte.toUnsignedInt(b.get(start));
        int prefix = Byte.toUnsignedInt(b.get(start + 1));
        int index = b.getInt(start + 4);
        byte[] local = null;
        byte[] addr = null;
        int off = start + IFADDRMSG_LEN;
        while (off + 4 <= end) {
            int alen = Short.toUnsignedInt(b.getShort(off));
            int atype = Short.toUnsignedInt(b.getShort(off + 2)) & ATTR_TYPE_MASK;
            if (alen < 4 || off + alen > end) {
                throw new ParseException("rtnetlink: address attribute " + atype + " has bad length " + alen);
            }
            if (atype == IFA_LOCAL) {
                local = bytes(b, off + 4, alen - 4);
            } else if (atype == IFA_ADDRESS) {
                addr = bytes(b, off + 4, alen - 4);
            }
            off += align(alen);
        }
        byte[] chosen = local != null ? local : addr;
        int want = family == AF_INET ? 4 : family == AF_INET6 ? 16 : -1;
        if (chosen == null || want < 0 || chosen.length < want) {
            return null;
        }
        try {
            return new AddressMessage(index, family, prefix,
                    InetAddress.getByAddress(java.util.Arrays.copyOf(chosen, want)));
        } catch (UnknownHostException e) {
            throw new ParseException("rtnetlink: bad address of length " + chosen.length);
        }
    }

    private static LinkStats stats64(ByteBuffer b, int v, int len) throws ParseException {
        if (len != 184 && len != 192 && len != 200) {
            throw new ParseException("rtnetlink: IFLA_STATS64 of " + len + " bytes, want 184, 192 or 200");
        }
        long[] f = new long[25];
        for (int i = 0; i < len / 8; i++) {
            f[i] = b.getLong(v + 8 * i);
        }
        return stats(f);
    }

    private static LinkStats stats32(ByteBuffer b, int v, int len) throws ParseException {
        if (len != 92 && len != 96) {
            throw new ParseException("rtnetlink: IFLA_STATS of " + len + " bytes, want 92 or 96");
        }
        long[] f = new long[25];
        for (int i = 0; i < len / 4; i++) {
            f[i] = Integer.toUnsignedLong(b.getInt(v + 4 * i));
        }
        return stats(f);
    }

    private static LinkStats stats(long[] f) {
        return new LinkStats(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[11], f[12],
                f[13], f[14], f[15], f[16], f[17], f[18], f[19], f[20], f[21], f[22], f[23], f[24]);
    }

    private static String hardwareAddress(ByteBuffer b, int v, int len, String what) throws ParseException {
        if (len < 4 || len > 32) {
            throw new ParseException("rtnetlink: " + what + " of " + len + " bytes");
        }
        StringBuilder s = new StringBuilder(len * 3);
        for (int i = 0; i < len; i++) {
            if (i > 0) {
                s.append(':');
            }
            int x = Byte.toUnsignedInt(b.get(v + i));
            s.append(Character.forDigit(x >> 4, 16)).append(Character.forDigit(x & 0xf, 16));
        }
        return s.toString();
    }

    private static String string(ByteBuffer b, int v, int len) {
        int n = len;
        if (n > 0 && b.get(v + n - 1) == 0) {
            n--;
        }
        return new String(bytes(b, v, n), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(ByteBuffer b, int v, int len) {
        byte[] out = new byte[len];
        b.get(v, out);
        return out;
    }

    private static long u8(ByteBuffer b, int v, int len, String what) throws ParseException {
        if (len < 1) {
            throw new ParseException("rtnetlink: " + what + " is empty");
        }
        return Byte.toUnsignedLong(b.get(v));
    }

    private static long u32(ByteBuffer b, int v, int len, String what) throws ParseException {
        if (len < 4) {
            throw new ParseException("rtnetlink: " + what + " of " + len + " bytes, want 4");
        }
        return Integer.toUnsignedLong(b.getInt(v));
    }

    private static int align(int len) {
        return (len + 3) & ~3;
    }
}
