package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.io.IpText;
import dev.nodepulse.procfs.netlink.NetlinkMessageParser.NextHop;
import dev.nodepulse.procfs.netlink.NetlinkMessageParser.Route;
import dev.nodepulse.procfs.netlink.Rtnetlink;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Unicast routes of every table and family from an rtnetlink dump: node_network_route_info per route (or
 * per path of a multipath route) and node_network_routes per interface.
 */
public final class NetworkRouteCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("network_route", false, ctx -> new NetworkRouteCollector());

    private static final int RTN_UNICAST = 1;

    @Override
    public void update(MetricSink sink) throws Exception {
        Rtnetlink netlink = new Rtnetlink(QdiscCollector.NETLINK_TIMEOUT_MILLIS);
        Map<Integer, String> links;
        List<Route> routes;
        try {
            links = netlink.linkNames();
        } catch (IOException e) {
            throw new IOException("couldn't get links: " + e.getMessage(), e);
        }
        try {
            routes = netlink.routes();
        } catch (IOException e) {
            throw new IOException("couldn't get routes: " + e.getMessage(), e);
        }
        publish(sink, links, routes);
    }

    static void publish(MetricSink sink, Map<Integer, String> links, List<Route> routes) {
        Map<String, Integer> perDevice = new LinkedHashMap<>();
        var info = sink.gauge("node_network_route_info", "network routing table information",
                "device", "src", "dest", "gw", "priority", "proto", "weight");
        for (Route r : routes) {
            if (r.type() != RTN_UNICAST) {
                continue;
            }
            String src = IpText.format(r.src());
            String dest = destination(r);
            String priority = Long.toString(r.priority());
            String proto = protocol(r.protocol());
            if (!r.multipath().isEmpty()) {
                for (NextHop hop : r.multipath()) {
                    String device = links.getOrDefault((int) hop.interfaceIndex(), "");
                    info.add(1, device, src, dest, IpText.format(hop.gateway()), priority, proto,
                            Integer.toString(hop.hops() + 1));
                    perDevice.merge(device, 1, Integer::sum);
                }
            } else {
                String device = links.getOrDefault((int) r.outInterface(), "");
                info.add(1, device, src, dest, IpText.format(r.gateway()), priority, proto, "");
                perDevice.merge(device, 1, Integer::sum);
            }
        }
        var count = sink.gauge("node_network_routes", "network routes by interface", "device");
        perDevice.forEach((device, n) -> count.add(n, device));
    }

    /** "default" for a zero-length prefix, else address/length as Go's IPNet prints it. */
    static String destination(Route r) {
        if (r.dstLength() == 0) {
            return "default";
        }
        if (r.dst() == null) {
            return "<nil>"; // what Go prints for a prefix without address; the kernel does not send one
        }
        return IpText.withPrefix(r.dst(), r.dstLength());
    }

    /** Route protocol names of include/uapi/linux/rtnetlink.h, as node_exporter names them. */
    static String protocol(int p) {
        return switch (p) {
            case 0 -> "unspec";
            case 1 -> "redirect";
            case 2 -> "kernel";
            case 3 -> "boot";
            case 4 -> "static";
            case 8 -> "gated";
            case 9 -> "ra";
            case 10 -> "mrt";
            case 11 -> "zebra";
            case 12 -> "bird";
            case 13 -> "dnrouted";
            case 14 -> "xorp";
            case 15 -> "ntk";
            case 16 -> "dhcp";
            case 17 -> "mrouted";
            case 42 -> "babel";
            case 186 -> "bgp";
            case 187 -> "isis";
            case 188 -> "ospf";
            case 189 -> "rip";
            case 192 -> "eigrp";
            default -> "unknown";
        };
    }
}
