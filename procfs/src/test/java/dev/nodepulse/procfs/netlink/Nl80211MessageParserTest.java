package dev.nodepulse.procfs.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nodepulse.procfs.ParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

class Nl80211MessageParserTest {

    private static Wire genl(int cmd) {
        return new Wire().u8(cmd).u8(1).u16(0);
    }

    @Test
    void requestsAreGenlHeaderAndPaddedAttributes() throws Exception {
        byte[] r = Nl80211MessageParser.familyRequest("nl80211");
        assertEquals(3, r[0]);
        assertEquals(4 + 12, r.length); // "nl80211\0" is 8 bytes + 4 header
        List<NetlinkAttribute> a = NetlinkAttribute.parse(r, 4, r.length);
        assertEquals("nl80211", a.get(0).string());
        byte[] family = genl(1).attr(2, Wire.cstring("nl80211")).attr(1, new Wire().u16(28).bytes())
                .attr(3, Wire.u32Bytes(1)).bytes();
        assertEquals(new Nl80211MessageParser.Family(28, 1), Nl80211MessageParser.family(family));
        assertThrows(ParseException.class, () -> Nl80211MessageParser.family(genl(1).bytes()));
    }

    @Test
    void interfaceAttributes() throws Exception {
        byte[] p = genl(7).attr(3, Wire.u32Bytes(3)).attr(4, Wire.cstring("wlan0"))
                .attr(6, Wire.ip(0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff)).attr(1, Wire.u32Bytes(0))
                .attr(5, Wire.u32Bytes(2)).attr(38, Wire.u32Bytes(5180)).bytes();
        assertEquals(new WifiInterface(3, "wlan0", "aa:bb:cc:dd:ee:ff", 0, 2, 5180),
                Nl80211MessageParser.wifiInterface(p));
    }

    @Test
    void bssIsTheOneWithAStatus() throws Exception {
        byte[] ies = new Wire().u8(1).u8(2).u8(0x82).u8(0x84)           // supported rates
                .u8(0).u8(5).raw("caf\u00e9".getBytes(java.nio.charset.StandardCharsets.UTF_8)) // SSID
                .bytes();
        byte[] scanned = genl(34).attr(47, new Wire().attr(1, Wire.ip(1, 2, 3, 4, 5, 6))).bytes();
        byte[] joined = genl(34).attr(47, new Wire().attr(1, Wire.ip(0, 0x11, 0x22, 0x33, 0x44, 0x55))
                .attr(6, ies).attr(9, Wire.u32Bytes(1))).bytes();
        WifiBss bss = Nl80211MessageParser.bss(List.of(scanned, joined));
        assertEquals(new WifiBss("caf\u00e9", "00:11:22:33:44:55", 1), bss);
        assertNull(Nl80211MessageParser.bss(List.of(scanned)));
        byte[] badIe = genl(34).attr(47, new Wire().attr(6, new byte[] {0, 9, 1}).attr(9, Wire.u32Bytes(0))).bytes();
        assertThrows(ParseException.class, () -> Nl80211MessageParser.bss(List.of(badIe)));
    }

    @Test
    void stationCountersAndBitrates() throws Exception {
        Wire rx = new Wire().attr(1, new Wire().u16(650).bytes()).attr(5, Wire.u32Bytes(8667));
        Wire tx = new Wire().attr(1, new Wire().u16(65).bytes());
        Wire info = new Wire().attr(16, Wire.u32Bytes(30)).attr(1, Wire.u32Bytes(400))
                .attr(2, Wire.u32Bytes(7)).attr(24, new Wire().u64(1L << 40).bytes()).attr(3, Wire.u32Bytes(9))
                .attr(7, new byte[] {(byte) -52}).attr(9, Wire.u32Bytes(11)).attr(10, Wire.u32Bytes(12))
                .attr(11, Wire.u32Bytes(10)).attr(12, Wire.u32Bytes(2)).attr(18, Wire.u32Bytes(1))
                .attr(14, rx).attr(8, tx);
        byte[] p = genl(19).attr(3, Wire.u32Bytes(3)).attr(6, Wire.ip(1, 2, 3, 4, 5, 6)).attr(21, info).bytes();
        WifiStation s = Nl80211MessageParser.station(p);
        assertEquals("01:02:03:04:05:06", s.hardwareAddress());
        assertEquals(30.0, s.connectedSeconds());
        assertEquals(0.4, s.inactiveSeconds());
        assertEquals(7, s.receivedBytes(), "32-bit counter used when no 64-bit one came first");
        assertEquals(1L << 40, s.transmittedBytes(), "64-bit counter seen before the 32-bit one wins");
        assertEquals(-52, s.signalDbm());
        assertEquals(866_700_000L, s.receiveBitrate());
        assertEquals(6_500_000L, s.transmitBitrate());
        assertEquals(11, s.receivedPackets());
        assertEquals(12, s.transmittedPackets());
        assertEquals(10, s.transmitRetries());
        assertEquals(2, s.transmitFailed());
        assertEquals(1, s.beaconLoss());
        assertNull(Nl80211MessageParser.station(genl(19).attr(3, Wire.u32Bytes(3)).bytes()));
    }

    @Test
    void ssidBytesDecodeLikeGo() {
        byte[] b = {'a', (byte) 0xe2, (byte) 0x82, 'b', (byte) 0xff, (byte) 0xc3, (byte) 0xa9};
        assertEquals("a\ufffd\ufffdb\ufffd\u00e9", Nl80211MessageParser.goUtf8(b, 0, b.length));
    }
}
