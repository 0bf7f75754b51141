package dev.nodepulse.procfs.proc.net;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.GoStrconv;
import dev.nodepulse.procfs.io.IpText;
import dev.nodepulse.procfs.io.Lines;
import java.util.ArrayList;
import java.util.List;

/**
 * /proc/net/ip_vs: virtual services ("TCP  C0A80016:0CEA wlc", "FWM  10001000 wlc") each followed by
 * their real servers ("-> C0A85216:0CEA Tunnel 100 248 2"). IPv4 endpoints are 8 hex digits and a hex
 * port; IPv6 ones are "[addr]:port".
 */
public final class IpvsBackendParser {

    private static final String SOURCE = "/proc/net/ip_vs";

    private IpvsBackendParser() {}

    public static List<IpvsBackend> parse(String text) throws ParseException {
        List<IpvsBackend> out = new ArrayList<>();
        String proto = "";
        String localMark = "";
        String localAddress = "";
        int localPort = 0;
        List<String> lines = Lines.of(text);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String[] f = Lines.fields(line);
            if (f.length == 0) {
                continue;
            }
            if (f[0].equals("IP") || f[0].equals("Prot") || (f.length > 1 && f[1].equals("RemoteAddress:Port"))) {
                continue;
            }
            try {
                switch (f[0]) {
                    case "TCP":
                    case "UDP": {
                        if (f.length < 2) {
                            continue;
                        }
                        proto = f[0];
                        localMark = "";
                        Endpoint local = endpoint(f[1]);
                        localAddress = local.address;
                        localPort = local.port;
                        break;
                    }
                    case "FWM":
                        if (f.length < 2) {
                            continue;
                        }
                        proto = f[0];
                        localMark = f[1];
                        localAddress = "";
                        localPort = 0;
                        break;
                    case "->": {
                        if (f.length < 6) {
                            continue;
                        }
                        Endpoint remote = endpoint(f[1]);
                        out.add(new IpvsBackend(proto, localAddress, localPort, localMark, remote.address,
                                remote.port, GoStrconv.parseUint(f[3], 10, 64), GoStrconv.parseUint(f[4], 10, 64),
                                GoStrconv.parseUint(f[5], 10, 64)));
                        break;
                    }
                    default:
                        break;
                }
            } catch (NumberFormatException e) {
                throw ParseException.badLine(SOURCE, i + 1, line, e.getMessage());
            }
        }
        return List.copyOf(out);
    }

    private record Endpoint(String address, int port) {}

    private static Endpoint endpoint(String s) {
        byte[] ip;
        if (s.length() == 13) {
            ip = new byte[4];
            for (int i = 0; i < 4; i++) {
                int hi = Character.digit(s.charAt(2 * i), 16);
                int lo = Character.digit(s.charAt(2 * i + 1), 16);
                if (hi < 0 || lo < 0) {
                    throw new NumberFormatException("invalid IPv4 address " + s);
                }
                ip[i] = (byte) (hi << 4 | lo);
            }
        } else if (s.length() == 46) {
            ip = IpText.parse(s.substring(1, 40));
            if (ip == null) {
                throw new NumberFormatException("invalid IPv6 address " + s.substring(1, 40));
            }
        } else {
            throw new NumberFormatException("unexpected IP:Port " + s);
        }
        long port = GoStrconv.parseUint(s.substring(s.length() - 4), 16, 64);
        if (port > 0xffff) {
            throw new NumberFormatException("invalid port " + s);
        }
        return new Endpoint(IpText.format(ip), (int) port);
    }
}
