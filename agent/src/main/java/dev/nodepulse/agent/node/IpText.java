package dev.nodepulse.agent.node;

import java.net.Inet4Address;
import java.net.InetAddress;

/** IP addresses as Go's net package prints and classifies them, for node_network_address_info. */
final class IpText {

    private IpText() {}

    /** Dotted quad for IPv4, RFC 5952 for IPv6 (lower case, longest run of two or more zero groups as "::"). */
    static String format(InetAddress a) {
        if (a instanceof Inet4Address) {
            return a.getHostAddress();
        }
        byte[] b = a.getAddress();
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen && j - i >= 2) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder s = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                s.append("::");
                i += bestLen - 1;
                continue;
            }
            if (s.length() > 0 && s.charAt(s.length() - 1) != ':') {
                s.append(':');
            }
            s.append(Integer.toHexString(g[i]));
        }
        return s.toString();
    }

    /** node_exporter's scope label: link-local, interface-local, global or "". */
    static String scope(InetAddress a) {
        byte[] b = a.getAddress();
        if (a.isLoopbackAddress() || isLinkLocalUnicast(b) || isLinkLocalMulticast(b)) {
            return "link-local";
        }
        if (b.length == 16 && (b[0] & 0xff) == 0xff && (b[1] & 0x0f) == 0x01) {
            return "interface-local";
        }
        if (isGlobalUnicast(a, b)) {
            return "global";
        }
        return "";
    }

    private static boolean isLinkLocalUnicast(byte[] b) {
        if (b.length == 4) {
            return (b[0] & 0xff) == 169 && (b[1] & 0xff) == 254;
        }
        return (b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80;
    }

    private static boolean isLinkLocalMulticast(byte[] b) {
        if (b.length == 4) {
            return (b[0] & 0xff) == 224 && b[1] == 0 && b[2] == 0;
        }
        return (b[0] & 0xff) == 0xff && (b[1] & 0x0f) == 0x02;
    }

    private static boolean isGlobalUnicast(InetAddress a, byte[] b) {
        boolean broadcast = b.length == 4 && (b[0] & b[1] & b[2] & b[3] & 0xff) == 0xff;
        boolean multicast = b.length == 4 ? (b[0] & 0xf0) == 0xe0 : (b[0] & 0xff) == 0xff;
        return !broadcast && !a.isAnyLocalAddress() && !a.isLoopbackAddress() && !multicast && !isLinkLocalUnicast(b);
    }
}
