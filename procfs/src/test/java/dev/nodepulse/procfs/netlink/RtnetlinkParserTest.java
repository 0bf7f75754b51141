package dev.nodepulse.procfs.netlink;

import static dev.nodepulse.procfs.netlink.NetlinkMessages.attr;
import static dev.nodepulse.procfs.netlink.NetlinkMessages.ifaddrmsg;
import static dev.nodepulse.procfs.netlink.NetlinkMessages.ifinfomsg;
import static dev.nodepulse.procfs.netlink.NetlinkMessages.stats32;
import static dev.nodepulse.procfs.netlink.NetlinkMessages.stats64;
import static dev.nodepulse.procfs.netlink.NetlinkMessages.string;
import static dev.nodepulse.procfs.netlink.NetlinkMessages.u32;
import static dev.nodepulse.procfs.netlink.NetlinkMessages.u8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.natives.NetlinkSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RtnetlinkParserTest {

    private static final int RTM_NEWLINK = 16;
    private static final int RTM_NEWADDR = 20;

    @Test
    void decodesALinkWithEveryAttributeRead() throws Exception {
        byte[] propList = attr(52 | 0x8000, concat(string(53, "enp0s31f6"), string(53, "ethernet0")));
        List<NetlinkSocket.Message> msgs = new NetlinkMessages().message(RTM_NEWLINK, ifinfomsg(1, 4, 0x1003),
                string(3, "eth0"),
                attr(1, new byte[] {2, (byte) 0xfc, 0, 0, 0, 1}),
                attr(2, new byte[] {-1, -1, -1, -1, -1, -1}),
                u32(4, 1400), u32(13, 1000), u8(16, 6), u8(17, 0), u32(27, 0), u8(33, 1), u32(35, 2), u32(47, 1),
                u32(48, 1), string(20, "uplink"), propList, attr(10, new byte[] {9, 9, 9, 9}),
                stats64(100, 200)).messages();
        List<LinkMessage> links = RtnetlinkParser.links(msgs);
        assertEquals(1, links.size());
        LinkMessage l = links.get(0);
        assertEquals(4, l.index());
        assertEquals(1, l.arphrdType());
        assertEquals(0x1003, l.flags());
        assertEquals("eth0", l.name());
        assertEquals("02:fc:00:00:00:01", l.address());
        assertEquals("ff:ff:ff:ff:ff:ff", l.broadcast());
        assertEquals(1400, l.mtu());
        assertEquals(0, l.link(), "no IFLA_LINK: 0");
        assertEquals(1000L, l.txQueueLen());
        assertEquals(6, l.operState());
        assertEquals(0L, l.linkMode());
        assertEquals(0L, l.netDevGroup());
        assertEquals(1L, l.carrier());
        assertEquals(2L, l.carrierChanges());
        assertEquals(1L, l.carrierUpCount());
        assertEquals(1L, l.carrierDownCount());
        assertEquals("uplink", l.alias());
        assertEquals(List.of("enp0s31f6", "ethernet0"), l.altNames());
        LinkStats s = l.stats();
        assertEquals(100, s.rxPackets());
        assertEquals(102, s.rxBytes());
        assertEquals(115, s.rxMissedErrors());
        assertEquals(123, s.rxNohandler());
        assertEquals(124, s.rxOtherhostDropped());
    }

    @Test
    void olderKernelsSendShorterStats() throws Exception {
        LinkStats s184 = RtnetlinkParser.links(new NetlinkMessages().message(RTM_NEWLINK, ifinfomsg(772, 1, 9),
                string(3, "lo"), stats64(1, 184)).messages()).get(0).stats();
        assertEquals(23, s184.txCompressed());
        assertEquals(0, s184.rxNohandler(), "rx_nohandler arrived with Linux 4.6");

        // Only the 32-bit struct: its counters are used, unsigned.
        LinkMessage only32 = RtnetlinkParser.links(new NetlinkMessages().message(RTM_NEWLINK, ifinfomsg(1, 2, 0),
                string(3, "eth1"), stats32(0xfffffff0L, 96)).messages()).get(0);
        assertEquals(0xfffffff0L, only32.stats().rxPackets());
        assertEquals(0xfffffff0L + 23 - (1L << 32), only32.stats().rxNohandler());

        // Both: the 64-bit one wins.
        LinkMessage both = RtnetlinkParser.links(new NetlinkMessages().message(RTM_NEWLINK, ifinfomsg(1, 2, 0),
                stats32(5, 92), string(3, "eth1"), stats64(1000, 192)).messages()).get(0);
        assertEquals(1000, both.stats().rxPackets());

        LinkMessage none = RtnetlinkParser.links(new NetlinkMessages().message(RTM_NEWLINK, ifinfomsg(1, 3, 0),
                string(3, "x")).messages()).get(0);
        assertNull(none.stats());
        assertNull(none.alias());
        assertNull(none.carrier());
        assertEquals("", none.address());
    }

    @Test
    void skipsOtherMessageTypesAndReadsSeveralLinks() throws Exception {
        List<NetlinkSocket.Message> msgs = new NetlinkMessages()
                .message(RTM_NEWLINK, ifinfomsg(772, 1, 9), string(3, "lo"))
                .message(RTM_NEWADDR, ifaddrmsg(2, 8, 1), attr(2, new byte[] {127, 0, 0, 1}))
                .message(RTM_NEWLINK, ifinfomsg(1, 2, 0x1003), string(3, "eth0"), u32(5, 7))
                .messages();
        List<LinkMessage> links = RtnetlinkParser.links(msgs);
        assertEquals(List.of("lo", "eth0"), links.stream().map(LinkMessage::name).toList());
        assertEquals(7, links.get(1).link());
        assertEquals(1, RtnetlinkParser.addresses(msgs).size());
    }

    @Test
    void decodesAddressesPreferringTheLocalOne() throws Exception {
        byte[] v6 = InetAddress.getByName("fe80::1").getAddress();
        List<NetlinkSocket.Message> msgs = new NetlinkMessages()
                // A point-to-point IPv4 link: IFA_ADDRESS is the peer, IFA_LOCAL ours.
                .message(RTM_NEWADDR, ifaddrmsg(2, 32, 5), attr(1, new byte[] {10, 0, 0, 2}),
                        attr(2, new byte[] {10, 0, 0, 1}), string(3, "ppp0"))
                .message(RTM_NEWADDR, ifaddrmsg(10, 64, 2), attr(1, v6), attr(6, new byte[16]))
                .message(RTM_NEWADDR, ifaddrmsg(17, 0, 2), attr(1, new byte[] {1, 2}))
                .messages();
        List<AddressMessage> a = RtnetlinkParser.addresses(msgs);
        assertEquals(2, a.size(), "an address of an unknown family is skipped");
        assertEquals(new AddressMessage(5, 2, 32, InetAddress.getByName("10.0.0.1")), a.get(0));
        assertEquals(new AddressMessage(2, 10, 64, InetAddress.getByName("fe80::1")), a.get(1));
    }

    @Test
    void emptyInputHasNoMessages() throws Exception {
        assertEquals(List.of(), RtnetlinkParser.links(List.of()));
        assertEquals(List.of(), RtnetlinkParser.addresses(List.of()));
    }

    @Test
    void rejectsMalformedMessages() {
        // A message whose nlmsghdr claims more than the datagram holds: NetlinkSocketTest.
        assertThrows(ParseException.class, () -> RtnetlinkParser.links(new NetlinkMessages()
                .message(RTM_NEWLINK, new byte[8]).messages()), "shorter than an ifinfomsg");
        assertThrows(ParseException.class, () -> RtnetlinkParser.links(new NetlinkMessages()
                .message(RTM_NEWLINK, ifinfomsg(1, 2, 0), stats64(0, 176)).messages()), "odd IFLA_STATS64 size");
        assertThrows(ParseException.class, () -> RtnetlinkParser.links(new NetlinkMessages()
                .message(RTM_NEWLINK, ifinfomsg(1, 2, 0), attr(1, new byte[] {1, 2})).messages()), "2-byte IFLA_ADDRESS");
        byte[] badAttr = new NetlinkMessages().message(RTM_NEWLINK, ifinfomsg(1, 2, 0), string(3, "eth0"))
                .messages().get(0).payload();
        badAttr[16] = 100; // the attribute claims more bytes than the message has
        assertThrows(ParseException.class, () -> RtnetlinkParser.link(badAttr));
    }

    @Test
    void linkNameAndIndex() throws Exception {
        byte[] p = new Wire().u8(0).u8(0).u16(1).u32(4).u32(0x1003).u32(0)
                .attr(3, Wire.cstring("eth0")).attr(4, Wire.u32Bytes(1500)).bytes();
        LinkMessage l = RtnetlinkParser.link(p);
        assertEquals(4, l.index());
        assertEquals("eth0", l.name());
        assertThrows(ParseException.class, () -> RtnetlinkParser.link(new byte[8]));
    }

    @Test
    void dumpsTheLiveKernelsLinks() throws Exception {
        Path net = Path.of("/sys/class/net/lo/statistics/rx_packets");
        assumeTrue(Files.isReadable(net), "no sysfs loopback statistics on this host");
        long before = Long.parseLong(Files.readString(net).strip());
        List<LinkMessage> links;
        try {
            links = new Rtnetlink(5000).links();
        } catch (java.io.IOException e) {
            assumeTrue(false, "netlink not permitted here: " + e.getMessage());
            return;
        }
        long after = Long.parseLong(Files.readString(net).strip());
        List<String> sysNames = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("/sys/class/net"))) {
            s.filter(Files::isDirectory).forEach(p -> sysNames.add(p.getFileName().toString()));
        }
        List<String> names = new ArrayList<>(links.stream().map(LinkMessage::name).toList());
        names.sort(null);
        sysNames.sort(null);
        assertEquals(sysNames, names, "netlink and sysfs see the same interfaces");
        LinkMessage lo = links.stream().filter(l -> l.name().equals("lo")).findFirst().orElseThrow();
        assertTrue(lo.stats().rxPackets() >= before && lo.stats().rxPackets() <= after,
                before + " <= " + lo.stats().rxPackets() + " <= " + after);
        assertEquals(Long.parseLong(Files.readString(Path.of("/sys/class/net/lo/mtu")).strip()), lo.mtu());
        assertEquals(Long.parseLong(Files.readString(Path.of("/sys/class/net/lo/ifindex")).strip()), lo.index());

        List<AddressMessage> addrs = new Rtnetlink(5000).addresses();
        assertTrue(addrs.stream().anyMatch(a -> a.index() == lo.index() && a.address().isLoopbackAddress()),
                "lo has a loopback address: " + addrs);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.writeBytes(p);
        }
        return o.toByteArray();
    }
}
