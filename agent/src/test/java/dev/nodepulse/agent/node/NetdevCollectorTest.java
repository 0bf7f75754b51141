package dev.nodepulse.agent.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.agent.collector.DeviceFilter;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.metrics.MetricType;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.netlink.AddressMessage;
import dev.nodepulse.procfs.netlink.LinkMessage;
import dev.nodepulse.procfs.netlink.LinkStats;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetdevCollectorTest {

    /** Counter i of the struct holds base + i, so every mapping and sum can be checked. */
    static LinkStats stats(long base) {
        long[] f = new long[25];
        for (int i = 0; i < 25; i++) {
            f[i] = base + i;
        }
        return new LinkStats(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[11], f[12], f[13],
                f[14], f[15], f[16], f[17], f[18], f[19], f[20], f[21], f[22], f[23], f[24]);
    }

    static LinkMessage link(int index, String name, LinkStats stats) {
        return new LinkMessage(index, 1, 0x1003, name, "", "", 1500, 0, 1000L, 6, 0L, 0L, 1L, 0L, 0L, 0L, null,
                List.of(), stats);
    }

    static RtnetlinkSource source(List<LinkMessage> links, List<AddressMessage> addrs) {
        return new RtnetlinkSource() {
            @Override
            public List<LinkMessage> links() {
                return links;
            }

            @Override
            public List<AddressMessage> addresses() {
                return addrs;
            }
        };
    }

    private static final List<LinkMessage> LINKS = List.of(
            link(1, "lo", stats(0)), link(2, "eth0", stats(1000)), link(3, "nostats0", null));

    private static MetricSink scrape(NetdevCollector.Options o, DeviceFilter filter, RtnetlinkSource src)
            throws Exception {
        return SinkValues.run(new NetdevCollector(NodeFixtures.paths(), filter, o, src));
    }

    @Test
    void netlinkCountersUnderTheClassicNames() throws Exception {
        MetricSink sink = scrape(new NetdevCollector.Options(true, false, false, false), DeviceFilter.NONE,
                source(LINKS, List.of()));
        List<String> eth0 = List.of("eth0");
        // Struct order: 0 rx_packets 1 tx_packets 2 rx_bytes 3 tx_bytes 4 rx_errors 5 tx_errors 6 rx_dropped
        // 7 tx_dropped 8 multicast 9 collisions 10 rx_length 11 rx_over 12 rx_crc 13 rx_frame 14 rx_fifo
        // 15 rx_missed 16 tx_aborted 17 tx_carrier 18 tx_fifo 19 tx_heartbeat 20 tx_window 21 rx_compressed
        // 22 tx_compressed 23 rx_nohandler 24 rx_otherhost_dropped
        Map<String, Double> expected = Map.ofEntries(
                Map.entry("node_network_receive_packets_total", 1000.0),
                Map.entry("node_network_transmit_packets_total", 1001.0),
                Map.entry("node_network_receive_bytes_total", 1002.0),
                Map.entry("node_network_transmit_bytes_total", 1003.0),
                Map.entry("node_network_receive_errs_total", 1004.0),
                Map.entry("node_network_transmit_errs_total", 1005.0),
                Map.entry("node_network_receive_drop_total", 1006.0 + 1015),
                Map.entry("node_network_transmit_drop_total", 1007.0),
                Map.entry("node_network_receive_multicast_total", 1008.0),
                Map.entry("node_network_transmit_colls_total", 1009.0),
                Map.entry("node_network_receive_frame_total", 1013.0 + 1010 + 1011 + 1012),
                Map.entry("node_network_receive_fifo_total", 1014.0),
                Map.entry("node_network_transmit_carrier_total", 1017.0 + 1016 + 1019 + 1020),
                Map.entry("node_network_transmit_fifo_total", 1018.0),
                Map.entry("node_network_receive_compressed_total", 1021.0),
                Map.entry("node_network_transmit_compressed_total", 1022.0),
                Map.entry("node_network_receive_nohandler_total", 1023.0));
        assertEquals(new TreeSet<>(expected.keySet()), new TreeSet<>(SinkValues.families(sink)));
        for (var e : expected.entrySet()) {
            assertEquals(e.getValue(), SinkValues.samples(sink, e.getKey()).get(eth0), e.getKey());
            assertEquals(MetricType.COUNTER, sink.get(e.getKey()).type());
            assertEquals(Set.of(List.of("lo"), List.of("eth0")), SinkValues.samples(sink, e.getKey()).keySet(),
                    "a link without statistics is skipped");
        }
        assertEquals("Network device statistic receive_drop.", sink.get("node_network_receive_drop_total").help());
    }

    @Test
    void detailedMetricsKeepTheKernelNames() throws Exception {
        MetricSink sink = scrape(new NetdevCollector.Options(true, true, false, false), DeviceFilter.NONE,
                source(LINKS, List.of()));
        assertEquals(24, SinkValues.families(sink).size());
        assertEquals(1015.0, SinkValues.samples(sink, "node_network_receive_missed_errors_total").get(List.of("eth0")));
        assertEquals(1008.0, SinkValues.samples(sink, "node_network_multicast_total").get(List.of("eth0")));
        assertEquals(1006.0, SinkValues.samples(sink, "node_network_receive_dropped_total").get(List.of("eth0")));
    }

    @Test
    void procNetDevModeReadsTheFileUnderProcfs() throws Exception {
        MetricSink sink = SinkValues.run(NodeFixtures.create(NetdevCollector.SPEC, NodeFixtures.paths(),
                "--no-collector.netdev.netlink"));
        List<String> eth0 = List.of("eth0");
        assertEquals(49795065.0, SinkValues.samples(sink, "node_network_receive_bytes_total").get(eth0));
        assertEquals(1.0, SinkValues.samples(sink, "node_network_receive_errs_total").get(eth0));
        assertEquals(2.0, SinkValues.samples(sink, "node_network_receive_drop_total").get(eth0));
        assertEquals(4.0, SinkValues.samples(sink, "node_network_receive_frame_total").get(eth0));
        assertEquals(10.0, SinkValues.samples(sink, "node_network_transmit_colls_total").get(eth0));
        assertEquals(11.0, SinkValues.samples(sink, "node_network_transmit_carrier_total").get(eth0));
        assertEquals(12.0, SinkValues.samples(sink, "node_network_transmit_compressed_total").get(eth0));
        // /proc/net/dev has no rx_nohandler column: 16 families, as node_exporter's file mode gives.
        assertEquals(16, SinkValues.families(sink).size());
        assertEquals(Set.of(List.of("lo"), List.of("eth0"), List.of("veth1")),
                SinkValues.samples(sink, "node_network_receive_bytes_total").keySet());
    }

    @Test
    void includeExcludeAndTheirOldNames() throws Exception {
        HostPaths p = NodeFixtures.paths();
        assertEquals(Set.of(List.of("lo")), SinkValues.samples(SinkValues.run(NodeFixtures.create(
                NetdevCollector.SPEC, p, "--no-collector.netdev.netlink", "--collector.netdev.device-include=lo")),
                "node_network_receive_bytes_total").keySet());
        assertEquals(Set.of(List.of("eth0")), SinkValues.samples(SinkValues.run(NodeFixtures.create(
                NetdevCollector.SPEC, p, "--no-collector.netdev.netlink", "--collector.netdev.device-blacklist=^(lo|veth.*)$")),
                "node_network_receive_bytes_total").keySet());
        assertEquals(Set.of(List.of("veth1")), SinkValues.samples(SinkValues.run(NodeFixtures.create(
                NetdevCollector.SPEC, p, "--no-collector.netdev.netlink", "--collector.netdev.device-whitelist=veth")),
                "node_network_receive_bytes_total").keySet());
        assertThrows(IllegalArgumentException.class, () -> NodeFixtures.create(NetdevCollector.SPEC, p,
                "--collector.netdev.device-include=a", "--collector.netdev.device-exclude=b"));
    }

    @Test
    void ifaliasLabelFromSysfs() throws Exception {
        MetricSink sink = scrape(new NetdevCollector.Options(true, false, false, true), DeviceFilter.NONE,
                source(List.of(link(2, "eth0", stats(0)), link(9, "veth9", stats(0))), List.of()));
        assertEquals(List.of("device", "ifalias"), sink.get("node_network_receive_bytes_total").labelNames());
        assertEquals(Set.of(List.of("eth0", "to core"), List.of("veth9", "")),
                SinkValues.samples(sink, "node_network_receive_bytes_total").keySet());
    }

    @Test
    void addressInfoForEveryAddressOfEveryIncludedDevice() throws Exception {
        List<AddressMessage> addrs = List.of(
                new AddressMessage(1, 2, 8, InetAddress.getByName("127.0.0.1")),
                new AddressMessage(1, 10, 128, InetAddress.getByName("::1")),
                new AddressMessage(2, 2, 24, InetAddress.getByName("192.168.1.10")),
                new AddressMessage(2, 10, 64, InetAddress.getByName("fe80::a00:27ff:fe4e:66a1")),
                new AddressMessage(2, 10, 64, InetAddress.getByName("2001:db8:0:0:1:0:0:1")),
                new AddressMessage(2, 2, 16, InetAddress.getByName("169.254.3.4")));
        MetricSink sink = scrape(new NetdevCollector.Options(true, false, true, false),
                new DeviceFilter(null, Pattern.compile("^nostats")), source(LINKS, addrs));
        assertEquals(Map.of(
                List.of("lo", "127.0.0.1", "8", "link-local"), 1.0,
                List.of("lo", "::1", "128", "link-local"), 1.0,
                List.of("eth0", "192.168.1.10", "24", "global"), 1.0,
                List.of("eth0", "fe80::a00:27ff:fe4e:66a1", "64", "link-local"), 1.0,
                List.of("eth0", "2001:db8::1:0:0:1", "64", "global"), 1.0,
                List.of("eth0", "169.254.3.4", "16", "link-local"), 1.0),
                SinkValues.samples(sink, "node_network_address_info"));
    }

    @Test
    void netlinkFailureFailsTheCollector() {
        RtnetlinkSource broken = new RtnetlinkSource() {
            @Override
            public List<LinkMessage> links() throws IOException {
                throw new IOException("netlink socket: permission denied");
            }

            @Override
            public List<AddressMessage> addresses() throws IOException {
                throw new IOException("netlink socket: permission denied");
            }
        };
        IOException e = assertThrows(IOException.class, () -> scrape(
                new NetdevCollector.Options(true, false, false, false), DeviceFilter.NONE, broken));
        assertEquals("couldn't get netstats: netlink socket: permission denied", e.getMessage());
    }

    @Test
    void missingProcNetDevFailsTheFileMode(@TempDir Path dir) {
        HostPaths p = new HostPaths(dir, dir, dir, dir);
        assertThrows(IOException.class, () -> SinkValues.run(NodeFixtures.create(NetdevCollector.SPEC, p,
                "--no-collector.netdev.netlink")));
    }

    @Test
    void liveHostLoopbackMatchesSysfs() throws Exception {
        Path stat = Path.of("/sys/class/net/lo/statistics/rx_errors");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isReadable(stat), "no sysfs loopback here");
        MetricSink sink;
        try {
            sink = scrape(new NetdevCollector.Options(true, false, false, false),
                    new DeviceFilter(Pattern.compile("^lo$"), null), RtnetlinkSource.KERNEL);
        } catch (IOException e) {
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "netlink not permitted: " + e.getMessage());
            return;
        }
        assertEquals(Double.parseDouble(java.nio.file.Files.readString(stat).strip()),
                SinkValues.samples(sink, "node_network_receive_errs_total").get(List.of("lo")));
        assertTrue(SinkValues.samples(sink, "node_network_receive_nohandler_total").containsKey(List.of("lo")));
        assertEquals(17, SinkValues.families(sink).size());
    }
}
