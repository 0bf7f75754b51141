package dev.nodepulse.agent.node;

import java.net.InetAddress;

/** The scope label node_exporter gives an interface address in node_network_address_info, from Go's net.IP tests. */
final class AddressScope {

    private AddressScope() {}

    /** node_exporter's scope label: link-local, interface-local, global or "". */
    static String of(InetAddress a) {
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
