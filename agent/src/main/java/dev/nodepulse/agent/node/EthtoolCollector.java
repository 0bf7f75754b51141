package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorContext;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.agent.collector.DeviceFilter;
import dev.nodepulse.agent.collector.NoDataException;
import dev.nodepulse.cli.Flag;
import dev.nodepulse.log.Log;
import dev.nodepulse.metrics.Family;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.metrics.MetricType;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.Numbers;
import dev.nodepulse.procfs.natives.ErrnoException;
import dev.nodepulse.procfs.natives.EthtoolDriverInfo;
import dev.nodepulse.procfs.natives.EthtoolLinkSettings;
import dev.nodepulse.procfs.sys.NetClassReader;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * node_ethtool_* driver statistics and driver info, and node_network_* link modes, of every interface in
 * /sys/class/net, through the SIOCETHTOOL ioctl, like node_exporter's ethtool collector. A device that
 * lacks an operation (EOPNOTSUPP, e.g. lo) simply has no series for it; other failures are logged and
 * the device is skipped likewise, so the scrape still succeeds.
 */
public final class EthtoolCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("ethtool", false, EthtoolCollector::create,
            Flag.regex("collector.ethtool.device-include", "",
                    "Regexp of ethtool devices to include (mutually exclusive to device-exclude)."),
            Flag.regex("collector.ethtool.device-exclude", "",
                    "Regexp of ethtool devices to exclude (mutually exclusive to device-include)."),
            Flag.regex("collector.ethtool.metrics-include", ".*", "Regexp of ethtool stats to include."));

    private static final Log LOG = Log.get(EthtoolCollector.class);

    /** Statistics common to many drivers get upstream's fixed names and help texts. */
    private record Known(String name, String help) {}

    private static final Map<String, Known> KNOWN_STATS = Map.of(
            "rx_bytes", new Known("node_ethtool_received_bytes_total", "Network interface bytes received"),
            "rx_dropped", new Known("node_ethtool_received_dropped_total", "Number of received frames dropped"),
            "rx_errors", new Known("node_ethtool_received_errors_total", "Number of received frames with errors"),
            "rx_packets", new Known("node_ethtool_received_packets_total", "Network interface packets received"),
            "tx_bytes", new Known("node_ethtool_transmitted_bytes_total", "Network interface bytes sent"),
            "tx_errors", new Known("node_ethtool_transmitted_errors_total", "Number of sent frames with errors"),
            "tx_packets", new Known("node_ethtool_transmitted_packets_total", "Network interface packets sent"));

    private static final Pattern RX = Pattern.compile("(^|_)rx(_|$)");
    private static final Pattern TX = Pattern.compile("(^|_)tx(_|$)");

    /** Bits of enum ethtool_link_mode_bit_indices. */
    static final int AUTONEG_BIT = 6;
    static final int PAUSE_BIT = 13;
    static final int ASYM_PAUSE_BIT = 14;

    private record PortType(int bit, String name) {}

    private static final List<PortType> PORT_TYPES = List.of(new PortType(7, "TP"), new PortType(8, "AUI"),
            new PortType(9, "MII"), new PortType(10, "FIBRE"), new PortType(11, "BNC"), new PortType(16, "Backplane"));

    private record LinkMode(int bit, int speedMbps, String duplex, String phy) {}

    /**
     * Upstream's speed table, as far as it can match: the legacy link settings carry only the first 32
     * link mode bits, and upstream tests each bit on that 32-bit mask, so its entries for bit 32 and up
     * (25000baseKR and faster, 2500baseT, 5000baseT, 100baseFX, ...) never produce a series.
     */
    private static final List<LinkMode> LINK_MODES = List.of(
            new LinkMode(0, 10, "half", "T"),
            new LinkMode(1, 10, "full", "T"),
            new LinkMode(2, 100, "half", "T"),
            new LinkMode(3, 100, "full", "T"),
            new LinkMode(4, 1000, "half", "T"),
            new LinkMode(5, 1000, "full", "T"),
            new LinkMode(12, 10000, "full", "T"),
            new LinkMode(17, 1000, "full", "KX"),
            new LinkMode(18, 10000, "full", "KX4"),
            new LinkMode(19, 10000, "full", "KR"),
            new LinkMode(20, 10000, "full", "R_FEC"),
            new LinkMode(21, 20000, "full", "MLD2"),
            new LinkMode(22, 20000, "full", "KR2"),
            new LinkMode(23, 40000, "full", "KR4"),
            new LinkMode(24, 40000, "full", "CR4"),
            new LinkMode(25, 40000, "full", "SR4"),
            new LinkMode(26, 40000, "full", "LR4"),
            new LinkMode(27, 56000, "full", "KR4"),
            new LinkMode(28, 56000, "full", "CR4"),
            new LinkMode(29, 56000, "full", "SR4"),
            new LinkMode(30, 56000, "full", "LR4"),
            new LinkMode(31, 25000, "full", "CR"));

    /** Link speeds in bytes per second, matching netclass's node_network_speed_bytes. */
    private static final double BYTES_PER_MBIT = 1000000.0 / 8.0;

    private final HostPaths paths;
    private final DeviceFilter devices;
    private final Pattern metricsInclude;
    private final EthtoolSource ethtool;

    EthtoolCollector(HostPaths paths, DeviceFilter devices, Pattern metricsInclude, EthtoolSource ethtool) {
        this.paths = paths;
        this.devices = devices;
        this.metricsInclude = metricsInclude;
        this.ethtool = ethtool;
    }

    static EthtoolCollector create(CollectorContext ctx) {
        return create(ctx, EthtoolSource.KERNEL);
    }

    static EthtoolCollector create(CollectorContext ctx, EthtoolSource ethtool) {
        // Upstream applies both patterns when both are given, despite the help text; so does this.
        Pattern include = ctx.pattern("device-include");
        Pattern exclude = ctx.pattern("device-exclude");
        Pattern metrics = ctx.pattern("metrics-include");
        if (include != null) {
            LOG.info("Parsed flag --collector.ethtool.device-include", "flag", include.pattern());
        }
        if (exclude != null) {
            LOG.info("Parsed flag --collector.ethtool.device-exclude", "flag", exclude.pattern());
        }
        if (metrics != null) {
            LOG.info("Parsed flag --collector.ethtool.metrics-include", "flag", metrics.pattern());
        }
        return new EthtoolCollector(ctx.paths(), new DeviceFilter(include, exclude), metrics, ethtool);
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        List<String> netClass;
        try {
            netClass = NetClassReader.devices(paths.sysfs());
        } catch (NoSuchFileException | AccessDeniedException e) {
            throw new NoDataException("Could not read netclass file: " + e.getMessage());
        } catch (IOException e) {
            throw new IOException("could not get net class info: " + e.getMessage(), e);
        }
        if (netClass.isEmpty()) {
            throw new IOException("no network devices found");
        }
        for (String device : netClass) {
            if (devices.ignored(device)) {
                continue;
            }
            try {
                linkModes(sink, device, ethtool.linkSettings(device));
            } catch (IOException e) {
                logFailure("ethtool link info error", device, e);
            }
            try {
                EthtoolDriverInfo d = ethtool.driverInfo(device);
                sink.gauge("node_ethtool_info", "A metric with a constant '1' value labeled by bus_info, device, "
                                + "driver, expansion_rom_version, firmware_version, version.",
                        "bus_info", "device", "driver", "expansion_rom_version", "firmware_version", "version")
                        .add(1, d.busInfo(), device, d.driver(), d.expansionRomVersion(), d.firmwareVersion(),
                                d.version());
            } catch (IOException e) {
                logFailure("ethtool driver info error", device, e);
            }
            Map<String, Long> stats;
            try {
                stats = ethtool.stats(device);
            } catch (IOException e) {
                logFailure("ethtool stats error", device, e);
                continue;
            }
            statistics(sink, device, stats);
        }
    }

    private void statistics(MetricSink sink, String device, Map<String, Long> stats) {
        // Sanitised names may clash; every statistic of a clash is dropped. Keyed by full name, the value is
        // the sanitised statistic name, or null once a clash was seen.
        Map<String, String> byFullName = new TreeMap<>();
        Map<String, Long> values = new TreeMap<>();
        for (Map.Entry<String, Long> s : stats.entrySet()) {
            String metric = MetricNames.sanitize(s.getKey());
            if (metricsInclude != null && !metricsInclude.matcher(metric).find()) {
                continue;
            }
            String fullName = fullName(metric);
            if (fullName == null) {
                LOG.debug("dropping statistic without a usable name", "device", device, "metric", s.getKey());
                continue;
            }
            if (byFullName.containsKey(fullName)) {
                LOG.debug("dropping duplicate metric name", "device", device, "metricFQName", fullName,
                        "metric1", byFullName.get(fullName), "metric2", metric);
                byFullName.put(fullName, null);
            } else {
                byFullName.put(fullName, metric);
                values.put(metric, s.getValue());
            }
        }
        for (Map.Entry<String, String> e : byFullName.entrySet()) {
            String metric = e.getValue();
            if (metric == null) {
                continue;
            }
            Known known = KNOWN_STATS.get(metric);
            String name = known != null ? known.name() : e.getKey();
            String help = known != null ? known.help() : "Network interface " + metric;
            Family existing = sink.get(name);
            if (existing != null && (existing.type() != MetricType.UNTYPED
                    || !existing.labelNames().equals(List.of("device")))) {
                LOG.debug("dropping statistic named like another family", "device", device, "metricFQName", name);
                continue;
            }
            sink.untyped(name, help, "device").add(Numbers.unsignedToDouble(values.get(metric)), device);
        }
    }

    /**
     * node_exporter's name for a driver statistic: sanitised, lower-cased, leading '_' removed, "rx" and
     * "tx" words spelled out, under node_ethtool_. Null when nothing is left of the name.
     */
    static String fullName(String statistic) {
        String name = MetricNames.sanitize(statistic).toLowerCase(Locale.ROOT).replaceFirst("^_+", "");
        name = RX.matcher(name).replaceAll("$1received$2");
        name = TX.matcher(name).replaceAll("$1transmitted$2");
        return name.isEmpty() ? null : "node_ethtool_" + name;
    }

    private static void linkModes(MetricSink sink, String device, EthtoolLinkSettings link) {
        speeds(sink, "supported", "Combination of speeds and features supported by network device", device,
                link.supported());
        for (PortType p : PORT_TYPES) {
            if (has(link.supported(), p.bit())) {
                sink.gauge("node_network_supported_port_info", "Type of ports or PHYs supported by network device",
                        "device", "type").add(1, device, p.name());
            }
        }
        sink.gauge("node_network_autonegotiate_supported", "If this port device supports autonegotiate", "device")
                .add(has(link.supported(), AUTONEG_BIT) ? 1 : 0, device);
        sink.gauge("node_network_pause_supported", "If this port device supports pause frames", "device")
                .add(has(link.supported(), PAUSE_BIT) ? 1 : 0, device);
        sink.gauge("node_network_asymmetricpause_supported", "If this port device supports asymmetric pause frames",
                "device").add(has(link.supported(), ASYM_PAUSE_BIT) ? 1 : 0, device);
        speeds(sink, "advertised", "Combination of speeds and features offered by network device", device,
                link.advertising());
        sink.gauge("node_network_autonegotiate_advertised", "If this port device offers autonegotiate", "device")
                .add(has(link.advertising(), AUTONEG_BIT) ? 1 : 0, device);
        sink.gauge("node_network_pause_advertised", "If this port device offers pause capability", "device")
                .add(has(link.advertising(), PAUSE_BIT) ? 1 : 0, device);
        sink.gauge("node_network_asymmetricpause_advertised",
                "If this port device offers asymmetric pause capability", "device")
                .add(has(link.advertising(), ASYM_PAUSE_BIT) ? 1 : 0, device);
        sink.gauge("node_network_autonegotiate", "If this port is using autonegotiate", "device")
                .add(link.autoneg(), device);
    }

    private static void speeds(MetricSink sink, String prefix, String help, String device, long modes) {
        for (LinkMode m : LINK_MODES) {
            if (has(modes, m.bit())) {
                sink.gauge("node_network_" + prefix + "_speed_bytes", help, "device", "duplex", "mode")
                        .add(m.speedMbps() * BYTES_PER_MBIT, device, m.duplex(), m.speedMbps() + "base" + m.phy());
            }
        }
    }

    private static boolean has(long modes, int bit) {
        return (modes & (1L << bit)) != 0;
    }

    /** As upstream: EOPNOTSUPP (the device has no such operation) at debug level, anything else as an error. */
    private static void logFailure(String msg, String device, IOException e) {
        if (e instanceof ErrnoException errno) {
            if (errno.errno() == ErrnoException.EOPNOTSUPP) {
                LOG.debug(msg, "err", e.getMessage(), "device", device, "errno", errno.errno());
            } else {
                LOG.error(msg, "err", e.getMessage(), "device", device, "errno", errno.errno());
            }
        } else {
            LOG.error(msg, "err", e.getMessage(), "device", device);
        }
    }
}
