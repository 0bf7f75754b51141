package dev.nodepulse.agent.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.agent.AgentFlags;
import dev.nodepulse.agent.collector.CollectorContext;
import dev.nodepulse.agent.collector.NoDataException;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.natives.ErrnoException;
import dev.nodepulse.procfs.natives.EthtoolDriverInfo;
import dev.nodepulse.procfs.natives.EthtoolLinkSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ethtool collector over canned ioctl answers for the fixture tree's interfaces (eth0, bond0, dmz), with
 * the expected names, labels and values worked out from node_exporter's ethtool_linux.go.
 */
class EthtoolCollectorTest {

    private static final int EPERM = 1;

    /** A bit of enum ethtool_link_mode_bit_indices. */
    private static long bit(int n) {
        return 1L << n;
    }

    /**
     * eth0 answers everything; bond0 answers nothing (no driver info or link settings, statistics not
     * permitted); dmz has driver info without statistics, and its link settings fail without an errno.
     */
    static final class FakeEthtool implements EthtoolSource {

        @Override
        public EthtoolDriverInfo driverInfo(String device) throws IOException {
            return switch (device) {
                case "eth0" -> new EthtoolDriverInfo("igb", "5.6.0-k", "1.63, 0x800009fa", "0000:03:00.0", "", 0, 13);
                case "dmz" -> new EthtoolDriverInfo("bridge", "2.3", "N/A", "N/A", "", 0, 0);
                default -> throw new ErrnoException("ethtool " + device, ErrnoException.EOPNOTSUPP);
            };
        }

        @Override
        public Map<String, Long> stats(String device) throws IOException {
            return switch (device) {
                case "eth0" -> {
                    Map<String, Long> m = new LinkedHashMap<>();
                    m.put("rx_packets", 7339218L);
                    m.put("tx_bytes", 912873412L);
                    m.put("rx_errors", 3L);
                    m.put("port.rx_dropped", 4711L);
                    m.put("Queue[0] AllocFails", 2L);
                    m.put("Tx LPI entry count", 17L);
                    m.put("[3]: tx_bytes", 55L);
                    m.put("     err", 6L);
                    m.put("rx_tx", 8L);
                    m.put("rxtx", 9L);
                    m.put("duplicate metric", 1L);
                    m.put("duplicate_metric", 2L);
                    m.put("rx_missed", 401L);
                    m.put("RX_missed", 402L);
                    m.put("os2bmc_rx_by_host", -1L);
                    m.put("::", 10L);
                    yield m;
                }
                case "dmz" -> Map.of();
                default -> throw new ErrnoException("ethtool " + device, EPERM);
            };
        }

        @Override
        public EthtoolLinkSettings linkSettings(String device) throws IOException {
            return switch (device) {
                case "eth0" -> new EthtoolLinkSettings(
                        bit(0) | bit(1) | bit(2) | bit(3) | bit(5) | bit(12) | bit(31) // speeds
                                | bit(7) | bit(9) // TP, MII
                                | bit(6) | bit(13), // autoneg, pause
                        bit(0) | bit(1) | bit(3) | bit(5) | bit(6) | bit(14), // + autoneg, asymmetric pause
                        1000, 1, 0, 1);
                case "dmz" -> throw new IOException("ethtool dmz: unexpected reply");
                default -> throw new ErrnoException("ethtool " + device, ErrnoException.EOPNOTSUPP);
            };
        }
    }

    private static MetricSink scrape(HostPaths paths, String... args) throws Exception {
        CollectorContext ctx = new CollectorContext("ethtool", paths, AgentFlags.define().parse(args), Set.of("ethtool"));
        return SinkValues.run(EthtoolCollector.create(ctx, new FakeEthtool()));
    }

    private static MetricSink scrape(String... args) throws Exception {
        return scrape(NodeFixtures.paths(), args);
    }

    @Test
    void driverStatistics() throws Exception {
        MetricSink sink = scrape();
        assertEquals(Map.of(List.of("eth0"), 7339218.0), SinkValues.samples(sink, "node_ethtool_received_packets_total"));
        assertEquals("UNTYPED [device] Network interface packets received",
                SinkValues.shape(sink, "node_ethtool_received_packets_total"));
        assertEquals(Map.of(List.of("eth0"), 912873412.0),
                SinkValues.samples(sink, "node_ethtool_transmitted_bytes_total"));
        assertEquals("UNTYPED [device] Network interface bytes sent",
                SinkValues.shape(sink, "node_ethtool_transmitted_bytes_total"));
        assertEquals("UNTYPED [device] Number of received frames with errors",
                SinkValues.shape(sink, "node_ethtool_received_errors_total"));
        assertEquals(3.0, SinkValues.value(sink, "node_ethtool_received_errors_total", "eth0"));

        // other statistics: named after the sanitised statistic, help text with the sanitised name
        assertEquals(4711.0, SinkValues.value(sink, "node_ethtool_port_received_dropped", "eth0"));
        assertEquals("UNTYPED [device] Network interface port_rx_dropped",
                SinkValues.shape(sink, "node_ethtool_port_received_dropped"));
        assertEquals(2.0, SinkValues.value(sink, "node_ethtool_queue_0_allocfails", "eth0"));
        assertEquals("UNTYPED [device] Network interface Queue_0_AllocFails",
                SinkValues.shape(sink, "node_ethtool_queue_0_allocfails"));
        assertEquals(17.0, SinkValues.value(sink, "node_ethtool_transmitted_lpi_entry_count", "eth0"));
        assertEquals(55.0, SinkValues.value(sink, "node_ethtool_3_transmitted_bytes", "eth0"));
        assertEquals("UNTYPED [device] Network interface _3_tx_bytes",
                SinkValues.shape(sink, "node_ethtool_3_transmitted_bytes"));
        assertEquals(6.0, SinkValues.value(sink, "node_ethtool_err", "eth0"));
        assertEquals("UNTYPED [device] Network interface _err", SinkValues.shape(sink, "node_ethtool_err"));
        assertEquals(8.0, SinkValues.value(sink, "node_ethtool_received_transmitted", "eth0"));
        assertEquals(9.0, SinkValues.value(sink, "node_ethtool_rxtx", "eth0"));
        assertEquals(18446744073709551615.0, SinkValues.value(sink, "node_ethtool_os2bmc_received_by_host", "eth0"));

        // clashes after sanitising drop every statistic involved; so do names with nothing left
        List<String> ethtool = SinkValues.families(sink).stream().filter(f -> f.startsWith("node_ethtool_")).toList();
        assertFalse(ethtool.contains("node_ethtool_duplicate_metric"), ethtool.toString());
        assertFalse(ethtool.contains("node_ethtool_received_missed"), ethtool.toString());
        assertEquals(List.of("node_ethtool_3_transmitted_bytes", "node_ethtool_err", "node_ethtool_info",
                "node_ethtool_os2bmc_received_by_host", "node_ethtool_port_received_dropped",
                "node_ethtool_queue_0_allocfails", "node_ethtool_received_errors_total",
                "node_ethtool_received_packets_total", "node_ethtool_received_transmitted", "node_ethtool_rxtx",
                "node_ethtool_transmitted_bytes_total", "node_ethtool_transmitted_lpi_entry_count"), ethtool);
    }

    @Test
    void driverInfo() throws Exception {
        MetricSink sink = scrape();
        assertEquals("GAUGE [bus_info, device, driver, expansion_rom_version, firmware_version, version] "
                        + "A metric with a constant '1' value labeled by bus_info, device, driver, "
                        + "expansion_rom_version, firmware_version, version.",
                SinkValues.shape(sink, "node_ethtool_info"));
        assertEquals(Map.of(
                        List.of("0000:03:00.0", "eth0", "igb", "", "1.63, 0x800009fa", "5.6.0-k"), 1.0,
                        List.of("N/A", "dmz", "bridge", "", "N/A", "2.3"), 1.0),
                SinkValues.samples(sink, "node_ethtool_info"));
    }

    @Test
    void linkModes() throws Exception {
        MetricSink sink = scrape();
        assertEquals(Map.of(
                        List.of("eth0", "half", "10baseT"), 1250000.0,
                        List.of("eth0", "full", "10baseT"), 1250000.0,
                        List.of("eth0", "half", "100baseT"), 12500000.0,
                        List.of("eth0", "full", "100baseT"), 12500000.0,
                        List.of("eth0", "full", "1000baseT"), 125000000.0,
                        List.of("eth0", "full", "10000baseT"), 1250000000.0,
                        List.of("eth0", "full", "25000baseCR"), 3125000000.0),
                SinkValues.samples(sink, "node_network_supported_speed_bytes"));
        assertEquals("GAUGE [device, duplex, mode] Combination of speeds and features supported by network device",
                SinkValues.shape(sink, "node_network_supported_speed_bytes"));
        assertEquals(Map.of(
                        List.of("eth0", "half", "10baseT"), 1250000.0,
                        List.of("eth0", "full", "10baseT"), 1250000.0,
                        List.of("eth0", "full", "100baseT"), 12500000.0,
                        List.of("eth0", "full", "1000baseT"), 125000000.0),
                SinkValues.samples(sink, "node_network_advertised_speed_bytes"));
        assertEquals("GAUGE [device, duplex, mode] Combination of speeds and features offered by network device",
                SinkValues.shape(sink, "node_network_advertised_speed_bytes"));
        assertEquals(Map.of(List.of("eth0", "TP"), 1.0, List.of("eth0", "MII"), 1.0),
                SinkValues.samples(sink, "node_network_supported_port_info"));
        assertEquals("GAUGE [device, type] Type of ports or PHYs supported by network device",
                SinkValues.shape(sink, "node_network_supported_port_info"));

        Map<String, Object[]> flags = new LinkedHashMap<>();
        flags.put("node_network_autonegotiate_supported", new Object[] {1.0, "If this port device supports autonegotiate"});
        flags.put("node_network_pause_supported", new Object[] {1.0, "If this port device supports pause frames"});
        flags.put("node_network_asymmetricpause_supported",
                new Object[] {0.0, "If this port device supports asymmetric pause frames"});
        flags.put("node_network_autonegotiate_advertised", new Object[] {1.0, "If this port device offers autonegotiate"});
        flags.put("node_network_pause_advertised", new Object[] {0.0, "If this port device offers pause capability"});
        flags.put("node_network_asymmetricpause_advertised",
                new Object[] {1.0, "If this port device offers asymmetric pause capability"});
        flags.put("node_network_autonegotiate", new Object[] {1.0, "If this port is using autonegotiate"});
        for (Map.Entry<String, Object[]> f : flags.entrySet()) {
            assertEquals(Map.of(List.of("eth0"), f.getValue()[0]), SinkValues.samples(sink, f.getKey()), f.getKey());
            assertEquals("GAUGE [device] " + f.getValue()[1], SinkValues.shape(sink, f.getKey()));
        }
    }

    @Test
    void devicesWithoutOperationsOrWithFailuresAreSkipped() throws Exception {
        MetricSink sink = scrape();
        for (var f : sink.families()) {
            int device = f.labelNames().indexOf("device");
            for (int i = 0; i < f.size(); i++) {
                String dev = f.labelValues(i).get(device);
                assertFalse(dev.equals("bond0"), f.name());
                // dmz: driver info only
                assertTrue(!dev.equals("dmz") || f.name().equals("node_ethtool_info"), f.name());
            }
        }
    }

    @Test
    void metricsIncludeFiltersSanitisedNamesBeforeClashes() throws Exception {
        MetricSink sink = scrape("--collector.ethtool.metrics-include=^rx");
        // RX_missed no longer clashes with rx_missed; port_rx_dropped does not start with rx
        assertEquals(401.0, SinkValues.value(sink, "node_ethtool_received_missed", "eth0"));
        assertEquals(List.of("node_ethtool_info", "node_ethtool_received_errors_total", "node_ethtool_received_missed",
                        "node_ethtool_received_packets_total", "node_ethtool_received_transmitted",
                        "node_ethtool_rxtx"),
                SinkValues.families(sink).stream().filter(f -> f.startsWith("node_ethtool_")).toList());
        // link modes and driver info are not statistics
        assertEquals(1.0, SinkValues.value(sink, "node_network_autonegotiate", "eth0"));
    }

    @Test
    void deviceIncludeAndExclude() throws Exception {
        assertEquals(Set.of(List.of("eth0")),
                SinkValues.samples(scrape("--collector.ethtool.device-include=^eth"), "node_network_autonegotiate")
                        .keySet());
        MetricSink excluded = scrape("--collector.ethtool.device-exclude=^eth");
        assertTrue(SinkValues.samples(excluded, "node_network_autonegotiate").isEmpty());
        assertEquals(Set.of("dmz"), SinkValues.series(excluded, "node_ethtool_info").keySet().stream()
                .map(k -> k.split(",")[1]).collect(java.util.stream.Collectors.toSet()));
        // upstream applies both when both are given
        MetricSink both = scrape("--collector.ethtool.device-include=^(eth|dmz)",
                "--collector.ethtool.device-exclude=eth");
        assertEquals(Set.of("dmz"), SinkValues.series(both, "node_ethtool_info").keySet().stream()
                .map(k -> k.split(",")[1]).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void rendersAsUpstream() throws Exception {
        Rendered r = Rendered.of(scrape());
        assertTrue(r.text.contains("# HELP node_ethtool_port_received_dropped Network interface port_rx_dropped\n"
                + "# TYPE node_ethtool_port_received_dropped untyped\n"
                + "node_ethtool_port_received_dropped{device=\"eth0\"} 4711"), r.text);
        assertEquals(3125000000.0, r.value("node_network_supported_speed_bytes",
                Map.of("device", "eth0", "duplex", "full", "mode", "25000baseCR")));
    }

    @Test
    void fullNames() {
        Map<String, String> cases = Map.of(
                "port.rx_errors", "node_ethtool_port_received_errors",
                "rx_errors", "node_ethtool_received_errors",
                "Queue[0] AllocFails", "node_ethtool_queue_0_allocfails",
                "Tx LPI entry count", "node_ethtool_transmitted_lpi_entry_count",
                "port.VF_admin_queue_requests", "node_ethtool_port_vf_admin_queue_requests",
                "[3]: tx_bytes", "node_ethtool_3_transmitted_bytes",
                "     err", "node_ethtool_err",
                "rx", "node_ethtool_received",
                "tx_rx_tx", "node_ethtool_transmitted_received_transmitted");
        cases.forEach((stat, name) -> assertEquals(name, EthtoolCollector.fullName(stat), stat));
        assertNull(EthtoolCollector.fullName("::"));
        assertNull(EthtoolCollector.fullName("__"));
    }

    @Test
    void noNetClassIsNoData(@TempDir Path dir) {
        HostPaths p = new HostPaths(dir, dir, dir, dir);
        assertThrows(NoDataException.class, () -> scrape(p));
    }

    @Test
    void emptyNetClassIsAnError(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("class/net"));
        HostPaths p = new HostPaths(dir, dir, dir, dir);
        IOException e = assertThrows(IOException.class, () -> scrape(p));
        assertEquals("no network devices found", e.getMessage());
    }
}
