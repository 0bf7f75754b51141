package dev.nodepulse.agent.node;

import static dev.nodepulse.agent.node.SinkValues.size;
import static dev.nodepulse.agent.node.SinkValues.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.nodepulse.agent.collector.DeviceFilter;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.netlink.NetlinkMessageParser.InetDiagSocket;
import dev.nodepulse.procfs.netlink.NetlinkMessageParser.NextHop;
import dev.nodepulse.procfs.netlink.NetlinkMessageParser.Route;
import dev.nodepulse.procfs.netlink.QdiscStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The qdisc, tcpstat and network_route collectors on decoded kernel answers. */
class NetlinkCollectorsTest {

    @Test
    void qdiscPublishesRootQdiscsOfSelectedDevices() {
        List<QdiscStats> q = List.of(
                new QdiscStats("eth0", 0, 0, "mq", -1L, 5, 1, 2, 3, 4, 6),
                new QdiscStats("eth0", 0, 0x10000, "fq", 9, 9, 9, 9, 9, 9, 9),
                new QdiscStats("lo", 0, 0, "noqueue", 0, 0, 0, 0, 0, 0, 0));
        MetricSink sink = new MetricSink();
        new QdiscCollector("", new DeviceFilter(Pattern.compile("eth"), null)).publish(q, sink);
        assertEquals(1, size(sink, "node_qdisc_bytes_total"));
        assertEquals(18446744073709551615.0, value(sink, "node_qdisc_bytes_total", "eth0", "mq"));
        assertEquals(3, value(sink, "node_qdisc_overlimits_total", "eth0", "mq"));
        assertEquals(4, value(sink, "node_qdisc_current_queue_length", "eth0", "mq"));
        assertEquals(6, value(sink, "node_qdisc_backlog", "eth0", "mq"));
    }

    @Test
    void tcpstatCountsStatesAndSumsQueues() {
        Map<Integer, Double> stats = new LinkedHashMap<>();
        TcpstatCollector.add(stats, List.of(new InetDiagSocket(10, 0, 128), new InetDiagSocket(1, 5, 7),
                new InetDiagSocket(1, 1, 0)));
        assertEquals(2.0, stats.get(1));
        assertEquals(1.0, stats.get(10));
        assertEquals(6.0, stats.get(12));
        assertEquals(135.0, stats.get(13));
        assertEquals("listen", TcpstatCollector.name(10));
        assertEquals("rx_queued_bytes", TcpstatCollector.name(12));
        assertEquals("tx_queued_bytes", TcpstatCollector.name(13));
        assertEquals("unknown", TcpstatCollector.name(0));
        assertNull(stats.get(6));
    }

    @Test
    void routesOnlyUnicastOnePerPath() {
        byte[] v4net = {(byte) 192, 0, 2, 0};
        byte[] src = {(byte) 192, 0, 2, 2};
        byte[] gw1 = {10, 0, 0, 1};
        byte[] gw2 = {10, 0, 1, 1};
        List<Route> routes = List.of(
                new Route(2, 0, 3, 1, 254, null, null, new byte[] {(byte) 192, 0, 2, 1}, 4, 0, List.of()),
                new Route(2, 24, 2, 1, 254, v4net, src, null, 4, 100, List.of()),
                new Route(2, 32, 2, 2, 255, src, src, null, 4, 0, List.of()),
                new Route(2, 8, 186, 1, 254, new byte[] {10, 0, 0, 0}, null, null, 0, 20,
                        List.of(new NextHop(0, 4, gw1), new NextHop(1, 5, gw2))));
        MetricSink sink = new MetricSink();
        NetworkRouteCollector.publish(sink, Map.of(4, "eth0", 5, "eth1"), routes);
        assertEquals(1, value(sink, "node_network_route_info", "eth0", "", "default", "192.0.2.1", "0", "boot", ""));
        assertEquals(1, value(sink, "node_network_route_info", "eth0", "192.0.2.2", "192.0.2.0/24", "", "100",
                "kernel", ""));
        assertEquals(1, value(sink, "node_network_route_info", "eth1", "", "10.0.0.0/8", "10.0.1.1", "20", "bgp", "2"));
        assertEquals(4, size(sink, "node_network_route_info"));
        assertEquals(3, value(sink, "node_network_routes", "eth0"));
        assertEquals(1, value(sink, "node_network_routes", "eth1"));
    }
}
