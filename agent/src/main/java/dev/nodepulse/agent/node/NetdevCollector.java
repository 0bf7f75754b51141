package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorContext;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.agent.collector.DeviceFilter;
import dev.nodepulse.cli.Flag;
import dev.nodepulse.log.Log;
import dev.nodepulse.metrics.Family;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.IpText;
import dev.nodepulse.procfs.io.Numbers;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.netlink.AddressMessage;
import dev.nodepulse.procfs.netlink.LinkMessage;
import dev.nodepulse.procfs.netlink.LinkStats;
import dev.nodepulse.procfs.proc.NetDevLine;
import dev.nodepulse.procfs.proc.NetDevParser;
import dev.nodepulse.procfs.sys.NetClassReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * node_network_*_total interface counters, like node_exporter's netdev collector on Linux: by default from
 * an rtnetlink link dump of the agent's network namespace (node_exporter's default, 64-bit counters and
 * rx_nohandler included), with {@code --no-collector.netdev.netlink} from {@code <procfs>/net/dev}.
 * Either way the published names are the classic /proc/net/dev ones unless enable-detailed-metrics.
 */
public final class NetdevCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("netdev", true, NetdevCollector::create,
                    Flag.regex("collector.netdev.device-include", "",
                            "Regexp of net devices to include (mutually exclusive to device-exclude)."),
                    Flag.regex("collector.netdev.device-exclude", "",
                            "Regexp of net devices to exclude (mutually exclusive to device-include)."),
                    Flag.bool("collector.netdev.address-info", false, "Collect address-info for every device"),
                    Flag.bool("collector.netdev.enable-detailed-metrics", false,
                            "Use (incompatible) metric names that provide more detailed stats on Linux"),
                    Flag.bool("collector.netdev.netlink", true, "Use netlink to gather stats instead of /proc/net/dev."),
                    Flag.bool("collector.netdev.label-ifalias", false, "Add ifAlias label"))
            .withAlias("collector.netdev.device-whitelist", "collector.netdev.device-include")
            .withAlias("collector.netdev.device-blacklist", "collector.netdev.device-exclude");

    private static final Log LOG = Log.get(NetdevCollector.class);

    /** What to read and publish; the flags of the same names. */
    record Options(boolean netlink, boolean detailed, boolean addressInfo, boolean labelIfAlias) {}

    private final HostPaths paths;
    private final DeviceFilter filter;
    private final Options options;
    private final RtnetlinkSource rtnetlink;

    NetdevCollector(HostPaths paths, DeviceFilter filter, Options options, RtnetlinkSource rtnetlink) {
        this.paths = paths;
        this.filter = filter;
        this.options = options;
        this.rtnetlink = rtnetlink;
    }

    static NetdevCollector create(CollectorContext ctx) {
        return new NetdevCollector(ctx.paths(), ctx.deviceFilter("device-include", "device-exclude"),
                new Options(ctx.bool("netlink"), ctx.bool("enable-detailed-metrics"), ctx.bool("address-info"),
                        ctx.bool("label-ifalias")),
                RtnetlinkSource.KERNEL);
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        Map<String, Map<String, Long>> stats;
        try {
            stats = options.netlink() ? fromNetlink(rtnetlink.links(), filter) : fromProcNetDev(readProcNetDev(), filter);
        } catch (IOException e) {
            throw new IOException("couldn't get netstats: " + e.getMessage(), e);
        }
        Map<String, String> aliases = options.labelIfAlias() ? ifAliases() : null;
        String[] labelNames = aliases != null ? new String[] {"device", "ifalias"} : new String[] {"device"};

        for (Map.Entry<String, Map<String, Long>> dev : stats.entrySet()) {
            Map<String, Long> counters = dev.getValue();
            if (!options.detailed()) {
                legacy(counters);
            }
            String[] labels = aliases != null
                    ? new String[] {dev.getKey(), aliases.getOrDefault(dev.getKey(), "")}
                    : new String[] {dev.getKey()};
            for (Map.Entry<String, Long> c : counters.entrySet()) {
                sink.counter("node_network_" + c.getKey() + "_total", "Network device statistic " + c.getKey() + ".",
                        labelNames).add(Numbers.unsignedToDouble(c.getValue()), labels);
            }
        }

        if (options.addressInfo()) {
            addressInfo(sink);
        }
    }

    private List<NetDevLine> readProcNetDev() throws IOException {
        Path file = paths.proc("net", "dev");
        return NetDevParser.parse(SmallFiles.read(file), file.toString());
    }

    /** The kernel's own names for link statistics, per device, for the devices the filter lets through. */
    static Map<String, Map<String, Long>> fromNetlink(List<LinkMessage> links, DeviceFilter filter) {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        for (LinkMessage l : links) {
            if (filter.ignored(l.name())) {
                LOG.debug("Ignoring device", "device", l.name());
                continue;
            }
            LinkStats s = l.stats();
            if (s == null) {
                LOG.debug("No netlink stats, skipping");
                continue;
            }
            Map<String, Long> m = new LinkedHashMap<>();
            m.put("receive_packets", s.rxPackets());
            m.put("transmit_packets", s.txPackets());
            m.put("receive_bytes", s.rxBytes());
            m.put("transmit_bytes", s.txBytes());
            m.put("receive_errors", s.rxErrors());
            m.put("transmit_errors", s.txErrors());
            m.put("receive_dropped", s.rxDropped());
            m.put("transmit_dropped", s.txDropped());
            m.put("multicast", s.multicast());
            m.put("collisions", s.collisions());
            m.put("receive_length_errors", s.rxLengthErrors());
            m.put("receive_over_errors", s.rxOverErrors());
            m.put("receive_crc_errors", s.rxCrcErrors());
            m.put("receive_frame_errors", s.rxFrameErrors());
            m.put("receive_fifo_errors", s.rxFifoErrors());
            m.put("receive_missed_errors", s.rxMissedErrors());
            m.put("transmit_aborted_errors", s.txAbortedErrors());
            m.put("transmit_carrier_errors", s.txCarrierErrors());
            m.put("transmit_fifo_errors", s.txFifoErrors());
            m.put("transmit_heartbeat_errors", s.txHeartbeatErrors());
            m.put("transmit_window_errors", s.txWindowErrors());
            m.put("receive_compressed", s.rxCompressed());
            m.put("transmit_compressed", s.txCompressed());
            m.put("receive_nohandler", s.rxNohandler());
            out.put(l.name(), m);
        }
        return out;
    }

    /** /proc/net/dev's columns under node_exporter's names for them, per device the filter lets through. */
    static Map<String, Map<String, Long>> fromProcNetDev(List<NetDevLine> lines, DeviceFilter filter) {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        for (NetDevLine l : lines) {
            if (filter.ignored(l.name())) {
                LOG.debug("Ignoring device", "device", l.name());
                continue;
            }
            Map<String, Long> m = new LinkedHashMap<>();
            m.put("receive_bytes", l.rxBytes());
            m.put("receive_packets", l.rxPackets());
            m.put("receive_errors", l.rxErrors());
            m.put("receive_dropped", l.rxDropped());
            m.put("receive_fifo", l.rxFifo());
            m.put("receive_frame", l.rxFrame());
            m.put("receive_compressed", l.rxCompressed());
            m.put("receive_multicast", l.rxMulticast());
            m.put("transmit_bytes", l.txBytes());
            m.put("transmit_packets", l.txPackets());
            m.put("transmit_errors", l.txErrors());
            m.put("transmit_dropped", l.txDropped());
            m.put("transmit_fifo", l.txFifo());
            m.put("transmit_colls", l.txCollisions());
            m.put("transmit_carrier", l.txCarrier());
            m.put("transmit_compressed", l.txCompressed());
            out.put(l.name(), m);
        }
        return out;
    }

    /**
     * Renames and sums the kernel's detailed counters into the columns of /proc/net/dev, exactly as the
     * kernel does for that file (net/core/net-procfs.c), so dashboards see the names they always had.
     */
    static void legacy(Map<String, Long> m) {
        renameSum(m, "receive_errors", "receive_errs");
        renameSum(m, "receive_dropped", "receive_drop", "receive_missed_errors");
        renameSum(m, "receive_fifo_errors", "receive_fifo");
        renameSum(m, "receive_frame_errors", "receive_frame", "receive_length_errors", "receive_over_errors",
                "receive_crc_errors");
        renameSum(m, "multicast", "receive_multicast");
        renameSum(m, "transmit_errors", "transmit_errs");
        renameSum(m, "transmit_dropped", "transmit_drop");
        renameSum(m, "transmit_fifo_errors", "transmit_fifo");
        renameSum(m, "collisions", "transmit_colls");
        renameSum(m, "transmit_carrier_errors", "transmit_carrier", "transmit_aborted_errors",
                "transmit_heartbeat_errors", "transmit_window_errors");
    }

    /** When {@code from} is present: removes it and the addends, and stores their (wrapping) sum as {@code to}. */
    private static void renameSum(Map<String, Long> m, String from, String to, String... addends) {
        Long v = m.remove(from);
        if (v == null) {
            return;
        }
        long sum = v;
        for (String a : addends) {
            Long x = m.remove(a);
            if (x != null) {
                sum += x;
            }
        }
        m.put(to, sum);
    }

    /** ifalias of every interface in sysfs, for the ifalias label. */
    private Map<String, String> ifAliases() throws IOException {
        Map<String, String> out = new HashMap<>();
        try {
            for (String dev : NetClassReader.devices(paths.sysfs())) {
                out.put(dev, NetClassReader.read(paths.sysfs(), dev, Set.of("ifalias")).ifAlias());
            }
        } catch (IOException e) {
            throw new IOException("couldn't get netdev labels: " + e.getMessage(), e);
        }
        return out;
    }

    private void addressInfo(MetricSink sink) throws IOException {
        List<LinkMessage> links;
        List<AddressMessage> addrs;
        try {
            links = rtnetlink.links();
            addrs = rtnetlink.addresses();
        } catch (IOException e) {
            throw new IOException("could not get network interfaces: " + e.getMessage(), e);
        }
        Map<Integer, List<AddressMessage>> byIndex = new HashMap<>();
        for (AddressMessage a : addrs) {
            byIndex.computeIfAbsent(a.index(), k -> new ArrayList<>()).add(a);
        }
        Family f = sink.gauge("node_network_address_info", "node network address by device",
                "device", "address", "netmask", "scope");
        for (LinkMessage l : links) {
            if (filter.ignored(l.name())) {
                LOG.debug("Ignoring device", "device", l.name());
                continue;
            }
            for (AddressMessage a : byIndex.getOrDefault(l.index(), List.of())) {
                f.add(1, l.name(), IpText.format(a.address().getAddress()), Integer.toString(a.prefixLength()),
                        AddressScope.of(a.address()));
            }
        }
    }
}
