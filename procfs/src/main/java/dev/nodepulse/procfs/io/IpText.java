package dev.nodepulse.procfs.io;

/**
 * IP addresses as text the way Go's net.IP.String() writes them, since they end up in label values:
 * IPv4 (and IPv4-mapped IPv6) dotted, other IPv6 in RFC 5952 form (lower case, the longest run of two or
 * more zero groups as "::", the first run on a tie). java.net.InetAddress does neither compression nor the
 * mapped case.
 */
public final class IpText {

    private IpText() {}

    /** 4 or 16 bytes as Go prints them; "" for null or no bytes, Go's "?" and hex for any other length. */
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
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((ip[2 * i] & 0xff) << 8) | (ip[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }

    /** Go's IPNet String for a route destination: "a.b.c.d/len" or "v6/len". */
    public static String withPrefix(byte[] ip, int prefixLength) {
        return format(ip) + "/" + prefixLength;
    }

    /** Parses textual IPv4 or IPv6 (no zone) into 4 or 16 bytes, or null when it is not an address. */
    public static byte[] parse(String s) {
        if (s.indexOf(':') < 0) {
            return parseV4(s);
        }
        return parseV6(s);
    }

    private static byte[] parseV4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)
                    || (p.length() > 1 && p.charAt(0) == '0')) {
                return null;
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                return null;
            }
            out[i] = (byte) v;
        }
        return out;
    }

    private static byte[] parseV6(String s) {
        byte[] out = new byte[16];
        int ellipsis = -1;
        int pos = 0;
        int i = 0;
        if (s.startsWith("::")) {
            ellipsis = 0;
            i = 2;
            if (i == s.length()) {
                return out;
            }
        }
        while (i < s.length()) {
            int end = i;
            while (end < s.length() && s.charAt(end) != ':') {
                end++;
            }
            String group = s.substring(i, end);
            if (group.contains(".")) {
                if (end != s.length() || pos > 12) {
                    return null;
                }
                byte[] v4 = parseV4(group);
                if (v4 == null) {
                    return null;
                }
                System.arraycopy(v4, 0, out, pos, 4);
                pos += 4;
                i = end;
                break;
            }
            if (group.isEmpty() || group.length() > 4 || pos >= 16) {
                return null;
            }
            int v;
            try {
                v = Integer.parseInt(group, 16);
            } catch (NumberFormatException e) {
                return null;
            }
            out[pos++] = (byte) (v >> 8);
            out[pos++] = (byte) v;
            i = end;
            if (i == s.length()) {
                break;
            }
            i++; // the ':'
            if (i < s.length() && s.charAt(i) == ':') {
                if (ellipsis >= 0) {
                    return null;
                }
                ellipsis = pos;
                i++;
                if (i == s.length()) {
                    break;
                }
            } else if (i == s.length()) {
                return null;
            }
        }
        if (pos < 16) {
            if (ellipsis < 0) {
                return null;
            }
            int n = pos - ellipsis;
            System.arraycopy(out, ellipsis, out, 16 - n, n);
            java.util.Arrays.fill(out, ellipsis, 16 - n, (byte) 0);
        } else if (ellipsis >= 0) {
            return null;
        }
        return out;
    }

    private static boolean isV4Mapped(byte[] ip) {
        for (int i = 0; i < 10; i++) {
            if (ip[i] != 0) {
                return false;
            }
        }
        return (ip[10] & 0xff) == 0xff && (ip[11] & 0xff) == 0xff;
    }

    private static String dotted(byte[] ip, int off) {
        return (ip[off] & 0xff) + "." + (ip[off + 1] & 0xff) + "." + (ip[off + 2] & 0xff) + "." + (ip[off + 3] & 0xff);
    }
}
