package dev.nodepulse.procfs.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.ParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CannedNetlinkParserTest {

    @Test
    void interfacesMatchFieldNamesIgnoringCaseAndSkipNulls() throws Exception {
        List<WifiInterface> ifis = CannedNetlinkParser.wifiInterfaces(
                Fixtures.text("handwritten/netlink/wifi/interfaces.json"), "interfaces.json");
        assertEquals(3, ifis.size());
        assertEquals(new WifiInterface(3, "wlan0", "cc:cc:cc:cc:cc:cc", 0, 2, 5180), ifis.get(0));
        assertEquals(new WifiInterface(0, "wlan1", "", 0, 3, 2437), ifis.get(1));
        assertEquals("", ifis.get(2).name());
        assertEquals(10, ifis.get(2).type());
    }

    @Test
    void bssDecodesBase64AndEscapes() throws Exception {
        WifiBss bss = CannedNetlinkParser.wifiBss(Fixtures.text("handwritten/netlink/wifi/wlan0/bss.json"), "bss.json");
        assertEquals("Caf\u00e9 \"net\"", bss.ssid());
        assertEquals("00:11:22:33:44:55", bss.bssid());
        assertEquals(WifiBss.IBSS_JOINED, bss.status());
    }

    @Test
    void stationsConvertNanosecondsExactly() throws Exception {
        List<WifiStation> st = CannedNetlinkParser.wifiStations(
                Fixtures.text("handwritten/netlink/wifi/wlan0/stationinfo.json"), "stationinfo.json");
        WifiStation s = st.get(0);
        assertEquals("aa:bb:cc:dd:ee:ff", s.hardwareAddress());
        assertEquals(30.0, s.connectedSeconds());
        assertEquals(0.4, s.inactiveSeconds());
        assertEquals(18446744073709551L, s.receivedBytes());
        assertEquals(0, s.transmittedBytes());
        assertEquals(12, s.transmittedPackets());
        assertEquals(-52, s.signalDbm());
        assertEquals(1, s.beaconLoss());
    }

    @Test
    void qdiscCountersKeepUnsignedRange() throws Exception {
        List<QdiscStats> q = CannedNetlinkParser.qdiscs(Fixtures.text("handwritten/netlink/qdisc-results.json"), "r");
        assertEquals(2, q.size());
        QdiscStats root = q.get(0);
        assertEquals("eth0", root.device());
        assertEquals("mq", root.kind());
        assertEquals("18446744073709551615", Long.toUnsignedString(root.bytes()));
        assertEquals(4294967295L, root.packets());
        assertEquals(1500, root.backlog());
        assertEquals(65536, q.get(1).parent());
        assertEquals(0, q.get(1).drops());
    }

    @Test
    void emptyNullAndMalformedDocuments() throws Exception {
        assertTrue(CannedNetlinkParser.qdiscs("null", "r").isEmpty());
        assertTrue(CannedNetlinkParser.qdiscs("[]", "r").isEmpty());
        assertThrows(ParseException.class, () -> CannedNetlinkParser.qdiscs("", "r"));
        assertThrows(ParseException.class, () -> CannedNetlinkParser.qdiscs("{}", "r"));
        assertThrows(ParseException.class, () -> CannedNetlinkParser.qdiscs("[{\"Packets\": -1}]", "r"));
        assertThrows(ParseException.class, () -> CannedNetlinkParser.qdiscs("[{\"Packets\": 4294967296}]", "r"));
        assertThrows(ParseException.class, () -> CannedNetlinkParser.qdiscs("[{\"Kind\": 5}]", "r"));
        assertThrows(ParseException.class, () -> CannedNetlinkParser.wifiStations("[{\"signal\": 1.5}]", "s"));
        assertThrows(ParseException.class, () -> CannedNetlinkParser.wifiBss("{\"bssid\": \"!!\"}", "b"));
        assertThrows(ParseException.class, () -> CannedNetlinkParser.wifiInterfaces("[{\"name\": \"a\"", "i"));
    }

    @Test
    void goDurationSecondsSplitsWholeAndFraction() {
        assertEquals(0.4, CannedNetlinkParser.seconds(400_000_000L));
        assertEquals(-1.5, CannedNetlinkParser.seconds(-1_500_000_000L));
    }
}
