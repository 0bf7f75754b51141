package dev.nodepulse.agent.http;

import java.net.InetSocketAddress;

/** --web.listen-address values: ":9100", "127.0.0.1:9100", "[::1]:9100". */
public final class ListenAddress {

    private ListenAddress() {}

    public static InetSocketAddress parse(String s) {
        int colon = s.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("missing port in address \"" + s + "\"");
        }
        String host = s.substring(0, colon);
        int port;
        try {
            port = Integer.parseInt(s.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in address \"" + s + "\"");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range in address \"" + s + "\"");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
    }
}
