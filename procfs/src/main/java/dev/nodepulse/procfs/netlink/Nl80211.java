package dev.nodepulse.procfs.netlink;

import dev.nodepulse.procfs.natives.NetlinkSocket;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * nl80211 over generic netlink: the three dumps node_exporter's wifi collector asks for. Opening fails
 * with a {@link NetlinkSocket.NetlinkException} of errno 2 (ENOENT) where the kernel has no nl80211
 * (no cfg80211 module), which callers treat as "no wifi here".
 */
public final class Nl80211 implements AutoCloseable {

    private static final int GENL_ID_CTRL = 16;
    private static final int CMD_GET_INTERFACE = 5;
    private static final int CMD_GET_STATION = 17;
    private static final int CMD_GET_SCAN = 32;
    private static final int DUMP = NetlinkSocket.NLM_F_REQUEST | NetlinkSocket.NLM_F_DUMP;

    private final NetlinkSocket socket;
    private final Nl80211MessageParser.Family family;

    private Nl80211(NetlinkSocket socket, Nl80211MessageParser.Family family) {
        this.socket = socket;
        this.family = family;
    }

    public static Nl80211 open(int timeoutMillis) throws IOException {
        NetlinkSocket s = NetlinkSocket.open(NetlinkSocket.NETLINK_GENERIC, timeoutMillis);
        try {
            List<NetlinkSocket.Message> reply = s.request(GENL_ID_CTRL, NetlinkSocket.NLM_F_REQUEST,
                    Nl80211MessageParser.familyRequest("nl80211"));
            if (reply.isEmpty()) {
                throw new IOException("generic netlink: no answer for family nl80211");
            }
            return new Nl80211(s, Nl80211MessageParser.family(reply.get(0).payload()));
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    public List<WifiInterface> interfaces() throws IOException {
        List<WifiInterface> out = new ArrayList<>();
        for (NetlinkSocket.Message m : dump(CMD_GET_INTERFACE)) {
            out.add(Nl80211MessageParser.wifiInterface(m.payload()));
        }
        return out;
    }

    /** The BSS the interface is associated with; null when it has none. */
    public WifiBss bss(WifiInterface ifi) throws IOException {
        List<byte[]> payloads = new ArrayList<>();
        for (NetlinkSocket.Message m : dump(CMD_GET_SCAN, identify(ifi))) {
            payloads.add(m.payload());
        }
        return Nl80211MessageParser.bss(payloads);
    }

    /** The interface's stations; null when one of the answers carries no station information. */
    public List<WifiStation> stations(WifiInterface ifi) throws IOException {
        List<WifiStation> out = new ArrayList<>();
        for (NetlinkSocket.Message m : dump(CMD_GET_STATION, identify(ifi))) {
            WifiStation s = Nl80211MessageParser.station(m.payload());
            if (s == null) {
                return null;
            }
            out.add(s);
        }
        return out;
    }

    /** The interface index, and its MAC when known, as the wifi library sends them. */
    private static Nl80211MessageParser.Attr[] identify(WifiInterface ifi) {
        Nl80211MessageParser.Attr index = Nl80211MessageParser.Attr.u32(Nl80211MessageParser.ATTR_IFINDEX, ifi.index());
        if (ifi.hardwareAddress().isEmpty()) {
            return new Nl80211MessageParser.Attr[] {index};
        }
        byte[] mac = HexFormat.ofDelimiter(":").parseHex(ifi.hardwareAddress());
        return new Nl80211MessageParser.Attr[] {index, new Nl80211MessageParser.Attr(Nl80211MessageParser.ATTR_MAC, mac)};
    }

    private List<NetlinkSocket.Message> dump(int command, Nl80211MessageParser.Attr... attrs) throws IOException {
        return socket.request(family.id(), DUMP, Nl80211MessageParser.request(command, family.version(), attrs));
    }

    @Override
    public void close() {
        socket.close();
    }
}
