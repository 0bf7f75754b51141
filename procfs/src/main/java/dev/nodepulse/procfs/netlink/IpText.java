package dev.nodepulse.procfs.netlink;

/**
 * IP addresses written as Go's net.IP String() writes them, which node_exporter's labels show: dotted
 * quads for IPv4 (also for IPv4-mapped IPv6), RFC 5952 for IPv6 (lower-case hex, the longest run of two or
 * more zero groups shortened to "::", the first run on a tie).
 */
public final class IpText {

    private IpText() {}

    public static String format(byte[] ip) {
        if (ip == null || ip.length == 0) {
            return "";
        }
        if (ip.length == 4) {
            return dotted(ip, 0);
        }
        if (ip.length != 16) {
            StringBuilder sb = new StringBuilder("?");
            for (byte b : ip) {
                sb.append(String.format("%02x", b));
            }
            return sb.toString();
        }
        if (isV4Mapped(ip)) {
            return dotted(ip, 12);
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (group(ip, i) != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && group(ip, j) == 0) {
                j++;
            }
            if (j - i > bestLen && j - i >= 2) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(group(ip, i)));
        }
        return sb.toString();
    }

    /** Go's IPNet String for a route destination: "a.b.c.d/len" or "v6/len". */
    public static String withPrefix(byte[] ip, int prefixLength) {
        return format(ip) + "/" + prefixLength;
    }

    static boolean isV4Mapped(byte[] ip) {
        for (int i = 0; i < 10; i++) {
            if (ip[i] != 0) {
                return false;
            }
        }
        return ip[10] == (byte) 0xff && ip[11] == (byte) 0xff;
    }

    private static int group(byte[] ip, int i) {
        return (Byte.toUnsignedInt(ip[2 * i]) << 8) | Byte.toUnsignedInt(ip[2 * i + 1]);
    }

    private static String dotted(byte[] ip, int from) {
        return Byte.toUnsignedInt(ip[from]) + "." + Byte.toUnsignedInt(ip[from + 1]) + "."
                + Byte.toUnsignedInt(ip[from + 2]) + "." + Byte.toUnsignedInt(ip[from + 3]);
    }
}
