package dev.nodepulse.procfs.natives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.netlink.Nl80211MessageParser;
import dev.nodepulse.procfs.netlink.Rtnetlink;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class NetlinkSocketTest {

    private static byte[] message(int type, int flags, int seq, byte[] payload) {
        return NetlinkSocket.encode(type, flags, seq, payload);
    }

    private static byte[] concat(byte[]... parts) {
        ByteBuffer b = ByteBuffer.allocate(java.util.Arrays.stream(parts).mapToInt(p -> p.length).sum());
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }

    private static byte[] errorPayload(int err) {
        return ByteBuffer.allocate(20).order(ByteOrder.nativeOrder()).putInt(err).array();
    }

    @Test
    void dumpsEndAtDoneAndSkipOtherSequences() throws Exception {
        List<NetlinkSocket.Message> out = new ArrayList<>();
        byte[] datagram = concat(message(16, 2, 7, new byte[] {1, 2, 3, 4}), message(16, 2, 6, new byte[4]),
                message(16, 2, 7, new byte[] {5, 6, 7, 8}));
        assertFalse(NetlinkSocket.decode(datagram, 7, true, out));
        assertEquals(2, out.size());
        assertEquals(5, out.get(1).payload()[0]);
        assertTrue(NetlinkSocket.decode(message(3, 2, 7, new byte[4]), 7, true, out));
    }

    @Test
    void errorsCarryTheErrno() {
        NetlinkSocket.NetlinkException e = assertThrows(NetlinkSocket.NetlinkException.class,
                () -> NetlinkSocket.decode(message(2, 0, 9, errorPayload(-2)), 9, false, new ArrayList<>()));
        assertEquals(2, e.errno());
        assertThrows(NetlinkSocket.NetlinkException.class,
                () -> NetlinkSocket.decode(message(3, 2, 9, errorPayload(-16)), 9, true, new ArrayList<>()));
        assertThrows(IOException.class, () -> NetlinkSocket.decode(new byte[] {(byte) 200, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0, 0}, 1, true, new ArrayList<>()));
        byte[] good = message(16, 2, 7, new byte[20]);
        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 4);
        assertThrows(ParseException.class, () -> NetlinkSocket.decode(truncated, 7, true, new ArrayList<>()));
    }

    @Test
    void liveKernelAnswers() throws Exception {
        NetlinkSocket probe;
        try {
            probe = NetlinkSocket.open(NetlinkSocket.NETLINK_GENERIC, 2000);
        } catch (IOException | UnsatisfiedLinkError e) {
            Assumptions.abort("no netlink here: " + e);
            return;
        }
        try (probe) {
            // the generic netlink controller always knows itself: family "nlctrl" has ID 16
            List<NetlinkSocket.Message> reply = probe.request(16, NetlinkSocket.NLM_F_REQUEST,
                    Nl80211MessageParser.familyRequest("nlctrl"));
            assertEquals(16, Nl80211MessageParser.family(reply.get(0).payload()).id());
            NetlinkSocket.NetlinkException e = assertThrows(NetlinkSocket.NetlinkException.class,
                    () -> probe.request(16, NetlinkSocket.NLM_F_REQUEST,
                            Nl80211MessageParser.familyRequest("nosuchfamily")));
            assertEquals(2, e.errno());
        }
        Rtnetlink rt = new Rtnetlink(2000);
        assertTrue(rt.linkNames().containsValue("lo"));
        assertTrue(rt.qdiscs().stream().anyMatch(q -> q.device().equals("lo")));
        assertFalse(rt.routes().isEmpty());
        rt.tcpSockets(2); // a dump that succeeds, whatever it holds
    }
}
