package dev.nodepulse.agent.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.agent.collector.NoDataException;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.metrics.MetricType;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.netlink.LinkMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetclassCollectorTest {

    private static MetricSink scrape(String... args) throws Exception {
        return SinkValues.run(NodeFixtures.create(NetclassCollector.SPEC, NodeFixtures.paths(), args));
    }

    @Test
    void publishesSysfsAttributes() throws Exception {
        MetricSink sink = scrape();
        List<String> eth0 = List.of("eth0");
        assertEquals(Map.of(List.of("eth0"), 1.0, List.of("bond0"), 0.0, List.of("dmz"), 1.0),
                SinkValues.samples(sink, "node_network_up"));
        assertEquals(Map.of(
                List.of("eth0", "01:01:01:01:01:01", "ff:ff:ff:ff:ff:ff", "full", "up", "up", "to core"), 1.0,
                List.of("bond0", "02:00:00:00:00:01", "", "", "down", "down", ""), 1.0,
                List.of("dmz", "", "", "", "up", "unknown", ""), 1.0),
                SinkValues.samples(sink, "node_network_info"));
        assertEquals(List.of("device", "address", "broadcast", "duplex", "operstate", "adminstate", "ifalias"),
                sink.get("node_network_info").labelNames());
        assertEquals(3.0, SinkValues.samples(sink, "node_network_address_assign_type").get(eth0));
        assertEquals(1.0, SinkValues.samples(sink, "node_network_carrier").get(eth0));
        assertEquals(2.0, SinkValues.samples(sink, "node_network_carrier_changes_total").get(eth0));
        assertEquals(MetricType.COUNTER, sink.get("node_network_carrier_changes_total").type());
        assertEquals(1.0, SinkValues.samples(sink, "node_network_carrier_up_changes_total").get(eth0));
        assertEquals(1.0, SinkValues.samples(sink, "node_network_carrier_down_changes_total").get(eth0));
        assertEquals(32.0, SinkValues.samples(sink, "node_network_device_id").get(eth0));
        assertEquals(1.0, SinkValues.samples(sink, "node_network_dormant").get(eth0));
        assertEquals(4867.0, SinkValues.samples(sink, "node_network_flags").get(eth0));
        assertEquals(2.0, SinkValues.samples(sink, "node_network_iface_id").get(eth0));
        assertEquals(2.0, SinkValues.samples(sink, "node_network_iface_link").get(eth0));
        assertEquals(1.0, SinkValues.samples(sink, "node_network_iface_link_mode").get(eth0));
        assertEquals(Map.of(eth0, 1500.0, List.of("bond0"), 9000.0), SinkValues.samples(sink, "node_network_mtu_bytes"));
        assertEquals(2.0, SinkValues.samples(sink, "node_network_name_assign_type").get(eth0));
        assertEquals(0.0, SinkValues.samples(sink, "node_network_net_dev_group").get(eth0));
        assertEquals(1000.0, SinkValues.samples(sink, "node_network_transmit_queue_length").get(eth0));
        assertEquals(1.0, SinkValues.samples(sink, "node_network_protocol_type").get(eth0));
        // -1 ("unknown") is published as node_exporter does unless ignore-invalid-speed.
        assertEquals(Map.of(eth0, 125000000.0, List.of("bond0"), -125000.0),
                SinkValues.samples(sink, "node_network_speed_bytes"));
        assertEquals("Network device property: speed_bytes", sink.get("node_network_speed_bytes").help());
    }

    @Test
    void ignoredDevicesAndInvalidSpeed() throws Exception {
        MetricSink sink = scrape("--collector.netclass.ignored-devices=^(dmz|int)$",
                "--collector.netclass.ignore-invalid-speed");
        assertEquals(Set.of(List.of("eth0"), List.of("bond0")), SinkValues.samples(sink, "node_network_up").keySet());
        assertEquals(Map.of(List.of("eth0"), 125000000.0), SinkValues.samples(sink, "node_network_speed_bytes"));
    }

    @Test
    void noSysfsNetClassIsNoData(@TempDir Path dir) {
        HostPaths p = new HostPaths(dir, dir, dir, dir);
        assertThrows(NoDataException.class,
                () -> SinkValues.run(NodeFixtures.create(NetclassCollector.SPEC, p)));
    }

    @Test
    void netlinkModeAsUpstreamWithoutEthtool() throws Exception {
        LinkMessage eth0 = new LinkMessage(2, 1, 0x1003, "eth0", "01:01:01:01:01:01", "ff:ff:ff:ff:ff:ff", 1500, 0,
                1000L, 6, 1L, 0L, 1L, 2L, 1L, 1L, "to core", List.of("enp0s3", ""), NetdevCollectorTest.stats(10));
        LinkMessage veth = new LinkMessage(7, 1, 0x1002, "veth7", "aa:bb:cc:dd:ee:ff", "ff:ff:ff:ff:ff:ff", 1450, 6,
                null, 2, null, null, null, null, null, null, null, List.of(), null);
        LinkMessage dmz = new LinkMessage(4, 1, 0, "dmz", "", "", 1500, 0, null, 0, null, null, null, null, null, null,
                null, List.of(), null);
        NetclassCollector c = new NetclassCollector(NodeFixtures.paths(), Pattern.compile("^dmz$"), false, true, true,
                NetdevCollectorTest.source(List.of(eth0, veth, dmz), List.of()));
        MetricSink sink = SinkValues.run(c);
        assertEquals(Map.of(List.of("eth0"), 1.0, List.of("veth7"), 0.0), SinkValues.samples(sink, "node_network_up"));
        assertEquals(Map.of(
                List.of("eth0", "01:01:01:01:01:01", "ff:ff:ff:ff:ff:ff", "", "up", "to core"), 1.0,
                List.of("veth7", "aa:bb:cc:dd:ee:ff", "ff:ff:ff:ff:ff:ff", "", "down", ""), 1.0),
                SinkValues.samples(sink, "node_network_info"));
        assertEquals(Map.of(List.of("enp0s3", "eth0"), 1.0), SinkValues.samples(sink, "node_network_altnames_info"));
        // sysfs still gives these three
        assertEquals(Map.of(List.of("eth0"), 3.0), SinkValues.samples(sink, "node_network_address_assign_type"));
        assertEquals(Map.of(List.of("eth0"), 32.0), SinkValues.samples(sink, "node_network_device_id"));
        assertEquals(Map.of(List.of("eth0"), 2.0, List.of("veth7"), 6.0), SinkValues.samples(sink, "node_network_iface_link"));
        assertEquals(Map.of(List.of("eth0"), 1.0), SinkValues.samples(sink, "node_network_dormant"),
                "upstream's netlink mode publishes the link mode as dormant");
        assertEquals(Map.of(List.of("eth0"), 4099.0, List.of("veth7"), 4098.0), SinkValues.samples(sink, "node_network_flags"));
        assertFalse(SinkValues.families(sink).contains("node_network_speed_bytes"));
        assertEquals(MetricType.GAUGE, sink.get("node_network_receive_packets_total").type());
        assertEquals(Map.of(List.of("eth0"), 33.0), SinkValues.samples(sink, "node_network_receive_nohandler_total"));
        assertTrue(sink.get("node_network_info").help().startsWith("Non-numeric data of <iface>"));
    }

    @Test
    void adminStateFromTheUpFlag() {
        assertEquals("up", NetclassCollector.adminState(0x1003L));
        assertEquals("down", NetclassCollector.adminState(0x1002L));
        assertEquals("unknown", NetclassCollector.adminState(null));
    }
}
