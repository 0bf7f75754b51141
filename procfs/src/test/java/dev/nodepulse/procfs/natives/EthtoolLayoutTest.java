package dev.nodepulse.procfs.natives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ethtool argument structures, decoded from buffers laid out as linux/ethtool.h declares them. */
class EthtoolLayoutTest {

    private static ByteBuffer buffer(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.nativeOrder());
    }

    private static void put(ByteBuffer b, int offset, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        b.put(offset, bytes);
    }

    @Test
    void driverInfo() {
        // struct ethtool_drvinfo: cmd, then driver/version/fw_version/bus_info/erom_version[32], reserved2[12],
        // n_priv_flags, n_stats, testinfo_len, eedump_len, regdump_len
        ByteBuffer b = buffer(196);
        b.putInt(0, 3);
        put(b, 4, "e1000e");
        put(b, 36, "6.8.0-45-generic");
        put(b, 68, "0.5-4");
        put(b, 100, "0000:00:1f.6");
        // erom_version left empty
        put(b, 164, "reserved!!!!");
        b.putInt(176, 2);
        b.putInt(180, 41);
        b.putInt(184, 5);
        b.putInt(188, 8192);
        b.putInt(192, 4096);
        assertEquals(new EthtoolDriverInfo("e1000e", "6.8.0-45-generic", "0.5-4", "0000:00:1f.6", "", 2, 41),
                EthtoolLayout.driverInfo(b));
    }

    @Test
    void driverInfoFieldsFillingAll32BytesHaveNoNul() {
        ByteBuffer b = buffer(196);
        String full = "abcdefghijklmnopqrstuvwxyz012345";
        put(b, 4, full);
        put(b, 36, "next");
        b.putInt(180, 0xffffffff);
        EthtoolDriverInfo d = EthtoolLayout.driverInfo(b);
        assertEquals(full, d.driver());
        assertEquals("next", d.version());
        assertEquals(4294967295L, d.statsCount());
    }

    @Test
    void shortBuffersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> EthtoolLayout.driverInfo(buffer(195)));
        assertThrows(IllegalArgumentException.class, () -> EthtoolLayout.linkSettings(buffer(43)));
        assertThrows(IllegalArgumentException.class, () -> EthtoolLayout.strings(buffer(12 + 32 * 2 - 1), 2));
        assertThrows(IllegalArgumentException.class, () -> EthtoolLayout.stats(buffer(8 + 8 * 3 - 1), 3));
    }

    @Test
    void stringSet() {
        // struct ethtool_gstrings: cmd, string_set, len, then len names of 32 bytes
        ByteBuffer b = buffer(12 + 32 * 4);
        b.putInt(0, 0x1b);
        b.putInt(4, 1);
        b.putInt(8, 4);
        put(b, 12, "rx_packets");
        put(b, 12 + 32, "port.rx_dropped");
        // third entry empty
        put(b, 12 + 96, "tx_queue_0_bytes_with_a_long_nam");
        assertEquals(List.of("rx_packets", "port.rx_dropped", "", "tx_queue_0_bytes_with_a_long_nam"),
                EthtoolLayout.strings(b, 4));
        assertEquals(List.of("rx_packets"), EthtoolLayout.strings(b, 1));
        assertEquals(List.of(), EthtoolLayout.strings(b, 0));
    }

    @Test
    void statistics() {
        // struct ethtool_stats: cmd, n_stats, then n_stats __u64
        ByteBuffer b = buffer(8 + 8 * 3);
        b.putInt(0, 0x1d);
        b.putInt(4, 3);
        b.putLong(8, 1260062);
        b.putLong(16, 0);
        b.putLong(24, -1L);
        long[] v = EthtoolLayout.stats(b, 3);
        assertEquals("[1260062, 0, -1]", Arrays.toString(v));
        assertEquals("18446744073709551615", Long.toUnsignedString(v[2]));
    }

    @Test
    void statisticsByNameSkipEmptyNamesAndKeepTheLastDuplicate() {
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("rx_packets", 9L);
        expected.put("tx_packets", 2L);
        assertEquals(expected, EthtoolLayout.statsByName(List.of("rx_packets", "", "tx_packets", "rx_packets"),
                new long[] {1, 5, 2, 9}));
        assertThrows(IllegalArgumentException.class, () -> EthtoolLayout.statsByName(List.of("a"), new long[2]));
    }

    @Test
    void linkSettings() {
        // struct ethtool_cmd: cmd, supported, advertising, speed(u16), duplex, port, phy_address, transceiver,
        // autoneg, mdio_support, maxtxpkt, maxrxpkt, speed_hi(u16), eth_tp_mdix, eth_tp_mdix_ctrl,
        // lp_advertising, reserved[2]
        ByteBuffer b = buffer(44);
        b.putInt(0, 1);
        b.putInt(4, 0x80000000 | (1 << 13) | (1 << 9) | (1 << 6) | 0b11);
        b.putInt(8, (1 << 14) | 0b10);
        b.putShort(12, (short) (100000 & 0xffff));
        b.put(14, (byte) 1);
        b.put(15, (byte) 3);
        b.put(16, (byte) 7);
        b.put(18, (byte) 1);
        b.putShort(28, (short) (100000 >>> 16));
        b.putInt(32, 0x12345678);
        EthtoolLinkSettings l = EthtoolLayout.linkSettings(b);
        assertEquals(new EthtoolLinkSettings(0x80002243L, 0x4002L, 100000, 1, 3, 1), l);
    }

    @Test
    void unknownSpeed() {
        ByteBuffer b = buffer(44);
        b.putShort(12, (short) 0xffff);
        b.putShort(28, (short) 0xffff);
        b.put(14, (byte) 0xff);
        assertEquals(0xffffffffL, EthtoolLayout.linkSettings(b).speedMbps());
        assertEquals(255, EthtoolLayout.linkSettings(b).duplex());
        // only the low half set: widened to unknown, as the Go library does
        b.putShort(28, (short) 0);
        assertEquals(0xffffffffL, EthtoolLayout.linkSettings(b).speedMbps());
        b.putShort(12, (short) 1000);
        assertEquals(1000, EthtoolLayout.linkSettings(b).speedMbps());
    }
}
