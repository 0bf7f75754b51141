package dev.nodepulse.procfs.netlink;

import dev.nodepulse.procfs.ParseException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Pure decoders and encoders for the generic-netlink conversations of the wifi collector: the controller's
 * family lookup and nl80211's interface, scan (BSS) and station dumps, read the way the wifi library
 * node_exporter uses reads them. Payloads start with struct genlmsghdr (cmd, version, reserved u16).
 */
public final class Nl80211MessageParser {

    static final int GENL_HEADER = 4;

    // include/uapi/linux/nl80211.h
    static final int ATTR_WIPHY = 1;
    static final int ATTR_IFINDEX = 3;
    static final int ATTR_IFNAME = 4;
    static final int ATTR_IFTYPE = 5;
    static final int ATTR_MAC = 6;
    static final int ATTR_STA_INFO = 21;
    static final int ATTR_WIPHY_FREQ = 38;
    static final int ATTR_BSS = 47;
    static final int BSS_BSSID = 1;
    static final int BSS_INFORMATION_ELEMENTS = 6;
    static final int BSS_STATUS = 9;
    static final int STA_INACTIVE_TIME = 1;
    static final int STA_RX_BYTES = 2;
    static final int STA_TX_BYTES = 3;
    static final int STA_SIGNAL = 7;
    static final int STA_TX_BITRATE = 8;
    static final int STA_RX_PACKETS = 9;
    static final int STA_TX_PACKETS = 10;
    static final int STA_TX_RETRIES = 11;
    static final int STA_TX_FAILED = 12;
    static final int STA_RX_BITRATE = 14;
    static final int STA_CONNECTED_TIME = 16;
    static final int STA_BEACON_LOSS = 18;
    static final int STA_RX_BYTES64 = 23;
    static final int STA_TX_BYTES64 = 24;
    static final int RATE_BITRATE = 1;
    static final int RATE_BITRATE32 = 5;

    private Nl80211MessageParser() {}

    /** A generic netlink family as the controller describes it. */
    public record Family(int id, int version) {}

    /** CTRL_CMD_GETFAMILY request payload for a family name (CTRL_ATTR_FAMILY_NAME = 2). */
    public static byte[] familyRequest(String name) {
        byte[] n = (name + "\0").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return request(3 /* CTRL_CMD_GETFAMILY */, 1, new Attr(2, n));
    }

    /** The controller's answer: CTRL_ATTR_FAMILY_ID (1, u16) and CTRL_ATTR_VERSION (3, u32). */
    public static Family family(byte[] p) throws ParseException {
        int id = -1;
        int version = 0;
        for (NetlinkAttribute a : attributes(p)) {
            if (a.type() == 1) {
                id = a.u16();
            } else if (a.type() == 3) {
                version = (int) a.u32();
            }
        }
        if (id < 0) {
            throw new ParseException("generic netlink family reply without an ID");
        }
        return new Family(id, version);
    }

    /** An attribute to encode: type and raw value. */
    public record Attr(int type, byte[] data) {

        public static Attr u32(int type, long v) {
            return new Attr(type, ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt((int) v).array());
        }
    }

    /** A genlmsghdr followed by the attributes, each padded to 4 bytes. */
    public static byte[] request(int command, int version, Attr... attrs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(command);
        out.write(version);
        out.write(0);
        out.write(0);
        for (Attr a : attrs) {
            int len = 4 + a.data().length;
            ByteBuffer h = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder());
            h.putShort((short) len).putShort((short) a.type());
            out.writeBytes(h.array());
            out.writeBytes(a.data());
            for (int i = len; i % 4 != 0; i++) {
                out.write(0);
            }
        }
        return out.toByteArray();
    }

    /** NL80211_CMD_NEW_INTERFACE: index, name, MAC, wiphy, type and operating frequency (MHz). */
    public static WifiInterface wifiInterface(byte[] p) throws ParseException {
        int index = 0;
        String name = "";
        String mac = "";
        int phy = 0;
        int type = 0;
        int freq = 0;
        for (NetlinkAttribute a : attributes(p)) {
            switch (a.type()) {
                case ATTR_IFINDEX -> index = a.s32();
                case ATTR_IFNAME -> name = a.string();
                case ATTR_MAC -> mac = CannedNetlinkParser.hardwareAddress(a.data());
                case ATTR_WIPHY -> phy = a.s32();
                case ATTR_IFTYPE -> type = a.s32();
                case ATTR_WIPHY_FREQ -> freq = a.s32();
                default -> {
                }
            }
        }
        return new WifiInterface(index, name, mac, phy, type, freq);
    }

    /**
     * The BSS of a scan dump the interface is authenticated with, associated with or joined: the first
     * NL80211_ATTR_BSS carrying a status. Null when none has (the library's "not exist").
     */
    public static WifiBss bss(List<byte[]> payloads) throws ParseException {
        for (byte[] p : payloads) {
            for (NetlinkAttribute a : attributes(p)) {
                if (a.type() != ATTR_BSS) {
                    continue;
                }
                List<NetlinkAttribute> nested = a.nested();
                if (nested.stream().noneMatch(n -> n.type() == BSS_STATUS)) {
                    continue;
                }
                String bssid = "";
                String ssid = "";
                int status = 0;
                for (NetlinkAttribute n : nested) {
                    switch (n.type()) {
                        case BSS_BSSID -> bssid = CannedNetlinkParser.hardwareAddress(n.data());
                        case BSS_STATUS -> status = (int) n.u32();
                        case BSS_INFORMATION_ELEMENTS -> ssid = ssid(n.data(), ssid);
                        default -> {
                        }
                    }
                }
                return new WifiBss(ssid, bssid, status);
            }
        }
        return null;
    }

    /** The SSID element (ID 0) of 802.11 information elements; a malformed list is an error. */
    static String ssid(byte[] ies, String otherwise) throws ParseException {
        String ssid = otherwise;
        int i = 0;
        while (i < ies.length) {
            if (ies.length - i < 2) {
                throw new ParseException("invalid 802.11 information element");
            }
            int id = Byte.toUnsignedInt(ies[i]);
            int len = Byte.toUnsignedInt(ies[i + 1]);
            i += 2;
            if (ies.length - i < len) {
                throw new ParseException("invalid 802.11 information element");
            }
            if (id == 0) {
                ssid = goUtf8(ies, i, len);
            }
            i += len;
        }
        return ssid;
    }

    /**
     * NL80211_CMD_NEW_STATION: the peer's MAC and its NL80211_ATTR_STA_INFO counters. Null when the message
     * carries no station information (the library's "not exist").
     */
    public static WifiStation station(byte[] p) throws ParseException {
        String mac = "";
        for (NetlinkAttribute a : attributes(p)) {
            if (a.type() == ATTR_MAC) {
                mac = CannedNetlinkParser.hardwareAddress(a.data());
            } else if (a.type() == ATTR_STA_INFO) {
                return stationInfo(mac, a.nested());
            }
        }
        return null;
    }

    private static WifiStation stationInfo(String mac, List<NetlinkAttribute> attrs) throws ParseException {
        long connected = 0;
        long inactiveMs = 0;
        long rxBytes = 0;
        long txBytes = 0;
        long rxPackets = 0;
        long txPackets = 0;
        long rxRate = 0;
        long txRate = 0;
        long signal = 0;
        long retries = 0;
        long failed = 0;
        long beaconLoss = 0;
        for (NetlinkAttribute a : attrs) {
            switch (a.type()) {
                case STA_CONNECTED_TIME -> connected = a.u32();
                case STA_INACTIVE_TIME -> inactiveMs = a.u32();
                case STA_RX_BYTES64 -> rxBytes = a.u64();
                case STA_TX_BYTES64 -> txBytes = a.u64();
                case STA_SIGNAL -> signal = (byte) a.u8();
                case STA_RX_PACKETS -> rxPackets = a.u32();
                case STA_TX_PACKETS -> txPackets = a.u32();
                case STA_TX_RETRIES -> retries = a.u32();
                case STA_TX_FAILED -> failed = a.u32();
                case STA_BEACON_LOSS -> beaconLoss = a.u32();
                case STA_RX_BITRATE -> rxRate = bitrate(a.nested());
                case STA_TX_BITRATE -> txRate = bitrate(a.nested());
                default -> {
                }
            }
            // 32-bit byte counters only count when no 64-bit one was seen first, as upstream.
            if (rxBytes == 0 && a.type() == STA_RX_BYTES) {
                rxBytes = a.u32();
            }
            if (txBytes == 0 && a.type() == STA_TX_BYTES) {
                txBytes = a.u32();
            }
        }
        return new WifiStation(mac, connected, inactiveMs / 1000.0, rxBytes, txBytes, rxPackets, txPackets,
                rxRate, txRate, signal, retries, failed, beaconLoss);
    }

    /** nl80211_rate_info: BITRATE32 (or the 16-bit BITRATE) in 100 kbit/s, returned in bit/s. */
    static long bitrate(List<NetlinkAttribute> attrs) throws ParseException {
        long rate = 0;
        for (NetlinkAttribute a : attrs) {
            if (a.type() == RATE_BITRATE32) {
                rate = a.u32();
            }
            if (rate == 0 && a.type() == RATE_BITRATE) {
                rate = a.u16();
            }
        }
        return rate * 100 * 1000;
    }

    private static List<NetlinkAttribute> attributes(byte[] p) throws ParseException {
        if (p.length < GENL_HEADER) {
            throw new ParseException("short generic netlink message: " + p.length + " bytes");
        }
        return NetlinkAttribute.parse(p, GENL_HEADER, p.length);
    }

    /** Bytes as Go's utf8.DecodeRune loop reads them: each byte of an invalid sequence becomes U+FFFD. */
    static String goUtf8(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder(len);
        int i = off;
        int end = off + len;
        while (i < end) {
            int c = Byte.toUnsignedInt(b[i]);
            int n;
            int cp;
            int min;
            if (c < 0x80) {
                sb.append((char) c);
                i++;
                continue;
            } else if (c >= 0xc2 && c <= 0xdf) {
                n = 1;
                cp = c & 0x1f;
                min = 0x80;
            } else if (c >= 0xe0 && c <= 0xef) {
                n = 2;
                cp = c & 0x0f;
                min = 0x800;
            } else if (c >= 0xf0 && c <= 0xf4) {
                n = 3;
                cp = c & 0x07;
                min = 0x10000;
            } else {
                sb.append('\ufffd');
                i++;
                continue;
            }
            boolean ok = i + n < end; // the continuation bytes are all inside the element
            if (ok) {
                for (int k = 1; k <= n; k++) {
                    int cc = Byte.toUnsignedInt(b[i + k]);
                    if ((cc & 0xc0) != 0x80) {
                        ok = false;
                        break;
                    }
                    cp = (cp << 6) | (cc & 0x3f);
                }
            }
            if (!ok || cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
                sb.append('\ufffd');
                i++;
                continue;
            }
            sb.appendCodePoint(cp);
            i += n + 1;
        }
        return sb.toString();
    }
}
