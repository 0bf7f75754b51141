package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorContext;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.agent.collector.NoDataException;
import dev.nodepulse.cli.Flag;
import dev.nodepulse.log.Log;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.Numbers;
import dev.nodepulse.procfs.netlink.LinkMessage;
import dev.nodepulse.procfs.netlink.LinkStats;
import dev.nodepulse.procfs.sys.NetClassIface;
import dev.nodepulse.procfs.sys.NetClassReader;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * node_network_* interface properties from /sys/class/net/&lt;iface&gt;, like node_exporter's netclass
 * collector on Linux. With {@code --collector.netclass.netlink} most of them come from an rtnetlink link
 * dump instead, as upstream's netlink mode has them; speed and duplex, which upstream takes from ethtool's
 * generic-netlink family, are then left out (upstream's behaviour on kernels without ethtool netlink).
 */
public final class NetclassCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("netclass", true, NetclassCollector::create,
            Flag.regex("collector.netclass.ignored-devices", "^$",
                    "Regexp of net devices to ignore for netclass collector."),
            Flag.bool("collector.netclass.ignore-invalid-speed", false,
                    "Ignore devices where the speed is invalid. This will be the default behavior in 2.x."),
            Flag.bool("collector.netclass.netlink", false, "Use netlink to gather stats instead of /proc/net/dev."),
            Flag.bool("collector.netclass_rtnl.with-stats", false,
                    "Expose the statistics for each network device, replacing netdev collector."));

    private static final Log LOG = Log.get(NetclassCollector.class);

    /** RFC 2863 operational states by IFLA_OPERSTATE value, as upstream's netlink mode names them. */
    private static final List<String> OPERSTATES =
            List.of("unknown", "notpresent", "down", "lowerlayerdown", "testing", "dormant", "up");
    private static final int IF_OPER_UP = 6;
    private static final long IFF_UP = 1;

    /** The attributes upstream's netlink mode still reads from sysfs. */
    private static final Set<String> RTNL_SYSFS_ATTRIBUTES = Set.of("addr_assign_type", "dev_id", "name_assign_type");

    private final HostPaths paths;
    private final Pattern ignored;
    private final boolean ignoreInvalidSpeed;
    private final boolean netlink;
    private final boolean netlinkWithStats;
    private final RtnetlinkSource rtnetlink;

    NetclassCollector(HostPaths paths, Pattern ignored, boolean ignoreInvalidSpeed, boolean netlink,
                      boolean netlinkWithStats, RtnetlinkSource rtnetlink) {
        this.paths = paths;
        this.ignored = ignored;
        this.ignoreInvalidSpeed = ignoreInvalidSpeed;
        this.netlink = netlink;
        this.netlinkWithStats = netlinkWithStats;
        this.rtnetlink = rtnetlink;
    }

    static NetclassCollector create(CollectorContext ctx) {
        // node_exporter compiles the pattern as given, so "" ignores every device; so does this.
        Pattern ignored = Pattern.compile(ctx.string("ignored-devices"));
        return new NetclassCollector(ctx.paths(), ignored, ctx.bool("ignore-invalid-speed"), ctx.bool("netlink"),
                ctx.flags().bool("collector.netclass_rtnl.with-stats"), RtnetlinkSource.KERNEL);
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        if (netlink) {
            updateFromNetlink(sink);
        } else {
            updateFromSysfs(sink);
        }
    }

    private void updateFromSysfs(MetricSink sink) throws Exception {
        List<NetClassIface> ifaces = new ArrayList<>();
        try {
            for (String dev : NetClassReader.devices(paths.sysfs())) {
                if (ignored.matcher(dev).find()) {
                    continue;
                }
                ifaces.add(NetClassReader.read(paths.sysfs(), dev, NetClassReader.ALL));
            }
        } catch (NoSuchFileException | AccessDeniedException e) {
            throw new NoDataException("Could not read netclass file: " + e.getMessage());
        } catch (IOException e) {
            throw new IOException("could not get net class info: " + e.getMessage(), e);
        }

        for (NetClassIface i : ifaces) {
            String dev = i.name();
            sink.gauge("node_network_up", "Value is 1 if operstate is 'up', 0 otherwise.", "device")
                    .add("up".equals(i.operState()) ? 1 : 0, dev);
            sink.gauge("node_network_info", "Non-numeric data from /sys/class/net/<iface>, value is always 1.",
                            "device", "address", "broadcast", "duplex", "operstate", "adminstate", "ifalias")
                    .add(1, dev, i.address(), i.broadcast(), i.duplex(), i.operState(), adminState(i.flags()),
                            i.ifAlias());
            property(sink, "address_assign_type", false, i.addrAssignType(), dev);
            property(sink, "carrier", false, i.carrier(), dev);
            property(sink, "carrier_changes_total", true, i.carrierChanges(), dev);
            property(sink, "carrier_up_changes_total", true, i.carrierUpCount(), dev);
            property(sink, "carrier_down_changes_total", true, i.carrierDownCount(), dev);
            property(sink, "device_id", false, i.devId(), dev);
            property(sink, "dormant", false, i.dormant(), dev);
            property(sink, "flags", false, i.flags(), dev);
            property(sink, "iface_id", false, i.ifIndex(), dev);
            property(sink, "iface_link", false, i.ifLink(), dev);
            property(sink, "iface_link_mode", false, i.linkMode(), dev);
            property(sink, "mtu_bytes", false, i.mtu(), dev);
            property(sink, "name_assign_type", false, i.nameAssignType(), dev);
            property(sink, "net_dev_group", false, i.netDevGroup(), dev);
            Long speed = i.speed();
            // Drivers that do not know the speed report -1.
            if (speed != null && (speed >= 0 || !ignoreInvalidSpeed)) {
                property(sink, "speed_bytes", false, speed * 1000 * 1000 / 8, dev);
            }
            property(sink, "transmit_queue_length", false, i.txQueueLen(), dev);
            property(sink, "protocol_type", false, i.type(), dev);
        }
    }

    private void updateFromNetlink(MetricSink sink) throws Exception {
        List<LinkMessage> links;
        try {
            links = rtnetlink.links();
        } catch (IOException e) {
            throw new IOException("could not get net class info: " + e.getMessage(), e);
        }
        LOG.debug("ETHTOOL netlink interface not used, duplex and linkspeed are not scraped.");
        for (LinkMessage l : links) {
            if (ignored.matcher(l.name()).find()) {
                continue;
            }
            String dev = l.name();
            NetClassIface sys;
            try {
                sys = NetClassReader.read(paths.sysfs(), dev, RTNL_SYSFS_ATTRIBUTES);
            } catch (NoSuchFileException e) {
                // An interface netlink knows but this sysfs does not (another namespace's sysfs): no attributes.
                sys = null;
            } catch (IOException e) {
                throw new IOException("could not get sysfs device info: " + e.getMessage(), e);
            }
            sink.gauge("node_network_up", "Value is 1 if operstate is 'up', 0 otherwise.", "device")
                    .add(l.operState() == IF_OPER_UP ? 1 : 0, dev);
            String operstate = l.operState() < OPERSTATES.size() ? OPERSTATES.get(l.operState()) : "";
            sink.gauge("node_network_info", "Non-numeric data of <iface>, value is always 1.",
                            "device", "address", "broadcast", "duplex", "operstate", "ifalias")
                    .add(1, dev, l.address(), l.broadcast(), "", operstate, l.alias() == null ? "" : l.alias());
            for (String alt : l.altNames()) {
                if (!alt.isEmpty()) {
                    sink.gauge("node_network_altnames_info", "Non-numeric data of <iface> altname, value is always 1.",
                            "altname", "device").add(1, alt, dev);
                }
            }
            property(sink, "address_assign_type", false, sys == null ? null : sys.addrAssignType(), dev);
            property(sink, "carrier", false, l.carrier(), dev);
            property(sink, "carrier_changes_total", true, l.carrierChanges(), dev);
            property(sink, "carrier_up_changes_total", true, l.carrierUpCount(), dev);
            property(sink, "carrier_down_changes_total", true, l.carrierDownCount(), dev);
            property(sink, "device_id", false, sys == null ? null : sys.devId(), dev);
            property(sink, "flags", false, l.flags(), dev);
            property(sink, "iface_id", false, (long) l.index(), dev);
            property(sink, "iface_link_mode", false, l.linkMode(), dev);
            // Upstream publishes the link mode as "dormant" in this mode; kept for identical output.
            property(sink, "dormant", false, l.linkMode(), dev);
            // The kernel omits IFLA_LINK when it equals the interface's own index.
            property(sink, "iface_link", false, l.link() > 0 ? l.link() : l.index(), dev);
            property(sink, "mtu_bytes", false, l.mtu(), dev);
            property(sink, "name_assign_type", false, sys == null ? null : sys.nameAssignType(), dev);
            property(sink, "net_dev_group", false, l.netDevGroup(), dev);
            property(sink, "transmit_queue_length", false, l.txQueueLen(), dev);
            property(sink, "protocol_type", false, (long) l.arphrdType(), dev);
            if (netlinkWithStats && l.stats() != null) {
                stats(sink, l.stats(), dev);
            }
        }
    }

    /** collector.netclass_rtnl.with-stats: the raw kernel counters, published as gauges as upstream does. */
    private static void stats(MetricSink sink, LinkStats s, String dev) {
        property(sink, "receive_packets_total", s.rxPackets(), dev);
        property(sink, "transmit_packets_total", s.txPackets(), dev);
        property(sink, "receive_bytes_total", s.rxBytes(), dev);
        property(sink, "transmit_bytes_total", s.txBytes(), dev);
        property(sink, "receive_errors_total", s.rxErrors(), dev);
        property(sink, "transmit_errors_total", s.txErrors(), dev);
        property(sink, "receive_dropped_total", s.rxDropped(), dev);
        property(sink, "transmit_dropped_total", s.txDropped(), dev);
        property(sink, "multicast_total", s.multicast(), dev);
        property(sink, "collisions_total", s.collisions(), dev);
        property(sink, "receive_length_errors_total", s.rxLengthErrors(), dev);
        property(sink, "receive_over_errors_total", s.rxOverErrors(), dev);
        property(sink, "receive_crc_errors_total", s.rxCrcErrors(), dev);
        property(sink, "receive_frame_errors_total", s.rxFrameErrors(), dev);
        property(sink, "receive_fifo_errors_total", s.rxFifoErrors(), dev);
        property(sink, "receive_missed_errors_total", s.rxMissedErrors(), dev);
        property(sink, "transmit_aborted_errors_total", s.txAbortedErrors(), dev);
        property(sink, "transmit_carrier_errors_total", s.txCarrierErrors(), dev);
        property(sink, "transmit_fifo_errors_total", s.txFifoErrors(), dev);
        property(sink, "transmit_heartbeat_errors_total", s.txHeartbeatErrors(), dev);
        property(sink, "transmit_window_errors_total", s.txWindowErrors(), dev);
        property(sink, "receive_compressed_total", s.rxCompressed(), dev);
        property(sink, "transmit_compressed_total", s.txCompressed(), dev);
        property(sink, "receive_nohandler_total", s.rxNohandler(), dev);
    }

    private static void property(MetricSink sink, String name, long unsignedValue, String dev) {
        sink.gauge("node_network_" + name, "Network device property: " + name, "device")
                .add(Numbers.unsignedToDouble(unsignedValue), dev);
    }

    /** One "Network device property" sample; an attribute the interface lacks gives no sample. */
    private static void property(MetricSink sink, String name, boolean counter, Long value, String dev) {
        if (value == null) {
            return;
        }
        String help = "Network device property: " + name;
        String family = "node_network_" + name;
        (counter ? sink.counter(family, help, "device") : sink.gauge(family, help, "device")).add(value, dev);
    }

    /** "up" or "down" from the IFF_UP bit of the flags attribute, "unknown" without one. */
    static String adminState(Long flags) {
        if (flags == null) {
            return "unknown";
        }
        return (flags & IFF_UP) == 1 ? "up" : "down";
    }
}
