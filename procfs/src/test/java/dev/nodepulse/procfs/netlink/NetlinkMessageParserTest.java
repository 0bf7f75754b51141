package dev.nodepulse.procfs.netlink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.IpText;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetlinkMessageParserTest {

    @Test
    void qdiscCountersFromStats2ThenCompatStats() throws Exception {
        Wire basic = new Wire().u64(0xffff_ffff_ffff_fff0L).u32(70).zeros(4);
        Wire queue = new Wire().u32(3).u32(1500).u32(5).u32(6).u32(7);
        Wire stats2 = new Wire().attr(1, basic).attr(3, queue);
        // tc_stats: bytes, packets, drops, overlimits, bps, pps, qlen, backlog (+ pad)
        Wire compat = new Wire().u64(42).u32(41).u32(40).u32(39).u32(0).u32(0).u32(38).u32(37).zeros(4);
        byte[] p = new Wire().u8(0).u8(0).u16(0).u32(4).u32(0x80010000L).u32(0xffffffffL).u32(1)
                .attr(1, Wire.cstring("fq_codel")).attr(7, stats2).attr(3, compat).bytes();
        QdiscStats q = NetlinkMessageParser.qdisc(p, Map.of(4, "eth0"));
        assertEquals("eth0", q.device());
        assertEquals("fq_codel", q.kind());
        assertEquals(0, q.parent(), "TC_H_ROOT reads as 0");
        assertEquals(0x80010000L, q.handle());
        // the compat tc_stats came last and rewrote what it carries; requeues only exist in TCA_STATS2
        assertEquals(42, q.bytes());
        assertEquals(41, q.packets());
        assertEquals(40, q.drops());
        assertEquals(39, q.overlimits());
        assertEquals(38, q.queueLength());
        assertEquals(37, q.backlog());
        assertEquals(6, q.requeues());

        byte[] only2 = new Wire().u8(0).u8(0).u16(0).u32(9).u32(0).u32(0x10000).u32(1)
                .attr(7, stats2).bytes();
        QdiscStats child = NetlinkMessageParser.qdisc(only2, Map.of());
        assertEquals("", child.device());
        assertEquals(0x10000, child.parent());
        assertEquals("18446744073709551600", Long.toUnsignedString(child.bytes()));
        assertEquals(5, child.drops());
        assertThrows(ParseException.class, () -> NetlinkMessageParser.qdisc(new byte[19], Map.of()));
    }

    @Test
    void inetDiagStateAndQueues() throws Exception {
        byte[] p = new Wire().u8(2).u8(10).u8(0).u8(0).zeros(48).u32(0).u32(3).u32(128).u32(0).u32(99).bytes();
        NetlinkMessageParser.InetDiagSocket s = NetlinkMessageParser.inetDiag(p);
        assertEquals(10, s.state());
        assertEquals(3, s.receiveQueue());
        assertEquals(128, s.sendQueue());
        byte[] req = NetlinkMessageParser.inetDiagRequest(10);
        assertEquals(56, req.length);
        assertArrayEquals(new byte[] {10, 6, 2, 0}, java.util.Arrays.copyOf(req, 4));
        assertThrows(ParseException.class, () -> NetlinkMessageParser.inetDiag(new byte[71]));
    }

    @Test
    void routesWithAndWithoutMultipath() throws Exception {
        byte[] simple = new Wire().u8(2).u8(24).u8(0).u8(0).u8(254).u8(2).u8(253).u8(1).u32(0)
                .attr(15, Wire.u32Bytes(254)).attr(1, Wire.ip(192, 0, 2, 0)).attr(7, Wire.ip(192, 0, 2, 2))
                .attr(4, Wire.u32Bytes(4)).attr(6, Wire.u32Bytes(100)).bytes();
        NetlinkMessageParser.Route r = NetlinkMessageParser.route(simple);
        assertEquals(2, r.family());
        assertEquals(24, r.dstLength());
        assertEquals(2, r.protocol());
        assertEquals(1, r.type());
        assertEquals("192.0.2.0", IpText.format(r.dst()));
        assertEquals("192.0.2.2", IpText.format(r.src()));
        assertNull(r.gateway());
        assertEquals(4, r.outInterface());
        assertEquals(100, r.priority());

        Wire hops = new Wire()
                .u16(16).u8(0).u8(0).u32(2).attr(5, Wire.ip(10, 0, 0, 1))
                .u16(16).u8(0).u8(1).u32(3).attr(5, Wire.ip(10, 0, 1, 1));
        byte[] multi = new Wire().u8(2).u8(0).u8(0).u8(0).u8(254).u8(4).u8(0).u8(1).u32(0).attr(9, hops).bytes();
        NetlinkMessageParser.Route m = NetlinkMessageParser.route(multi);
        assertEquals(2, m.multipath().size());
        assertEquals(3, m.multipath().get(1).interfaceIndex());
        assertEquals(1, m.multipath().get(1).hops());
        assertEquals("10.0.1.1", IpText.format(m.multipath().get(1).gateway()));

        byte[] badIp = new Wire().u8(2).zeros(11).attr(1, Wire.ip(1, 2, 3)).bytes();
        assertThrows(ParseException.class, () -> NetlinkMessageParser.route(badIp));
    }

    @Test
    void attributesThatOverrunAreErrors() {
        byte[] bad = new Wire().u16(40).u16(1).u32(0).bytes();
        assertThrows(ParseException.class, () -> NetlinkAttribute.parse(bad));
        byte[] tiny = new Wire().u16(2).u16(1).bytes();
        assertThrows(ParseException.class, () -> NetlinkAttribute.parse(tiny));
    }
}
