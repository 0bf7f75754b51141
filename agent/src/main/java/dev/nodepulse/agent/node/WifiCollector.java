package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.agent.collector.NoDataException;
import dev.nodepulse.cli.Flag;
import dev.nodepulse.log.Log;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.natives.NetlinkSocket;
import dev.nodepulse.procfs.netlink.CannedNetlinkParser;
import dev.nodepulse.procfs.netlink.Nl80211;
import dev.nodepulse.procfs.netlink.WifiBss;
import dev.nodepulse.procfs.netlink.WifiInterface;
import dev.nodepulse.procfs.netlink.WifiStation;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * WiFi interfaces, their BSS and stations (node_wifi_*), asked of nl80211 over generic netlink as
 * node_exporter does; with --collector.wifi.fixtures (its end-to-end test hook) the same answers come from
 * JSON files instead. A kernel without nl80211 (no cfg80211) means no data, not an error.
 */
public final class WifiCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("wifi", false,
            ctx -> new WifiCollector(ctx.string("fixtures")),
            Flag.string("collector.wifi.fixtures", "", "test fixtures to use for wifi collector metrics"));

    private static final Log LOG = Log.get(WifiCollector.class);

    private static final String[] LABELS = {"device", "mac_address"};

    private final String fixtures;

    public WifiCollector(String fixtures) {
        this.fixtures = fixtures;
    }

    /** Where interfaces, BSS and stations come from. A null answer means "not available for this device". */
    interface Source {
        List<WifiInterface> interfaces() throws IOException;

        WifiBss bss(WifiInterface ifi) throws IOException;

        List<WifiStation> stations(WifiInterface ifi) throws IOException;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        if (!fixtures.isEmpty()) {
            collect(new CannedSource(Path.of(fixtures)), sink);
            return;
        }
        Nl80211 nl80211;
        try {
            nl80211 = Nl80211.open(QdiscCollector.NETLINK_TIMEOUT_MILLIS);
        } catch (NetlinkSocket.NetlinkException e) {
            if (e.errno() == ENOENT || e.errno() == EPERM || e.errno() == EACCES) {
                LOG.debug("wifi collector metrics are not available for this system");
                throw new NoDataException("wifi collector metrics are not available for this system: " + e.getMessage());
            }
            throw new IOException("failed to access wifi data: " + e.getMessage(), e);
        }
        try (nl80211) {
            collect(new LiveSource(nl80211), sink);
        }
    }

    private static final int EPERM = 1;
    private static final int ENOENT = 2;
    private static final int EACCES = 13;

    /** nl80211 itself; "no such entry" answers mean the statistic does not apply to that interface. */
    private record LiveSource(Nl80211 nl80211) implements Source {

        @Override
        public List<WifiInterface> interfaces() throws IOException {
            return nl80211.interfaces();
        }

        @Override
        public WifiBss bss(WifiInterface ifi) throws IOException {
            try {
                return nl80211.bss(ifi);
            } catch (NetlinkSocket.NetlinkException e) {
                if (e.errno() == ENOENT) {
                    return null;
                }
                throw new IOException("failed to retrieve BSS for device " + ifi.name() + ": " + e.getMessage(), e);
            }
        }

        @Override
        public List<WifiStation> stations(WifiInterface ifi) throws IOException {
            try {
                return nl80211.stations(ifi);
            } catch (NetlinkSocket.NetlinkException e) {
                if (e.errno() == ENOENT) {
                    return null;
                }
                throw new IOException("failed to retrieve station info for device \"" + ifi.name() + "\": "
                        + e.getMessage(), e);
            }
        }
    }

    static void collect(Source source, MetricSink sink) throws IOException {
        List<WifiInterface> ifis;
        try {
            ifis = source.interfaces();
        } catch (IOException e) {
            throw new IOException("failed to retrieve wifi interfaces: " + e.getMessage(), e);
        }
        for (WifiInterface ifi : ifis) {
            if (ifi.name().isEmpty()) {
                continue;
            }
            sink.gauge("node_wifi_interface_frequency_hertz",
                    "The current frequency a WiFi interface is operating at, in hertz.", "device")
                    .add(ifi.frequencyMhz() * 1000.0 * 1000.0, ifi.name());
            WifiBss bss = source.bss(ifi);
            if (bss == null) {
                LOG.debug("BSS information not found for wifi device", "name", ifi.name());
            } else {
                sink.gauge("node_wifi_station_info",
                        "Labeled WiFi interface station information as provided by the operating system.",
                        "device", "bssid", "ssid", "mode").add(1, ifi.name(), bss.bssid(), bss.ssid(), mode(bss.status()));
            }
            List<WifiStation> stations = source.stations(ifi);
            if (stations == null) {
                LOG.debug("station information not found for wifi device", "name", ifi.name());
                continue;
            }
            for (WifiStation s : stations) {
                station(sink, ifi.name(), s);
            }
        }
    }

    private static void station(MetricSink sink, String device, WifiStation s) {
        String mac = s.hardwareAddress();
        sink.counter("node_wifi_station_connected_seconds_total",
                "The total number of seconds a station has been connected to an access point.", LABELS)
                .add(s.connectedSeconds(), device, mac);
        sink.gauge("node_wifi_station_inactive_seconds",
                "The number of seconds since any wireless activity has occurred on a station.", LABELS)
                .add(s.inactiveSeconds(), device, mac);
        sink.gauge("node_wifi_station_receive_bits_per_second",
                "The current WiFi receive bitrate of a station, in bits per second.", LABELS)
                .add(s.receiveBitrate(), device, mac);
        sink.gauge("node_wifi_station_transmit_bits_per_second",
                "The current WiFi transmit bitrate of a station, in bits per second.", LABELS)
                .add(s.transmitBitrate(), device, mac);
        sink.counter("node_wifi_station_receive_bytes_total",
                "The total number of bytes received by a WiFi station.", LABELS).add(s.receivedBytes(), device, mac);
        sink.counter("node_wifi_station_transmit_bytes_total",
                "The total number of bytes transmitted by a WiFi station.", LABELS)
                .add(s.transmittedBytes(), device, mac);
        sink.gauge("node_wifi_station_signal_dbm", "The current WiFi signal strength, in decibel-milliwatts (dBm).",
                LABELS).add(s.signalDbm(), device, mac);
        sink.counter("node_wifi_station_transmit_retries_total",
                "The total number of times a station has had to retry while sending a packet.", LABELS)
                .add(s.transmitRetries(), device, mac);
        sink.counter("node_wifi_station_transmit_failed_total",
                "The total number of times a station has failed to send a packet.", LABELS)
                .add(s.transmitFailed(), device, mac);
        sink.counter("node_wifi_station_beacon_loss_total",
                "The total number of times a station has detected a beacon loss.", LABELS)
                .add(s.beaconLoss(), device, mac);
        sink.counter("node_wifi_station_transmitted_packets_total",
                "The total number of packets transmitted by a station.", LABELS)
                .add(s.transmittedPackets(), device, mac);
        sink.counter("node_wifi_station_received_packets_total",
                "The total number of packets received by a station.", LABELS)
                .add(s.receivedPackets(), device, mac);
    }

    static String mode(int status) {
        return switch (status) {
            case WifiBss.AUTHENTICATED, WifiBss.ASSOCIATED -> "client";
            case WifiBss.IBSS_JOINED -> "ad-hoc";
            default -> "unknown";
        };
    }

    /** The fixture directory: interfaces.json, and &lt;device&gt;/bss.json, &lt;device&gt;/stationinfo.json. */
    record CannedSource(Path dir) implements Source {

        @Override
        public List<WifiInterface> interfaces() throws IOException {
            Path p = dir.resolve("interfaces.json");
            return CannedNetlinkParser.wifiInterfaces(SmallFiles.read(p), p.toString());
        }

        @Override
        public WifiBss bss(WifiInterface ifi) throws IOException {
            Path p = dir.resolve(ifi.name()).resolve("bss.json");
            String text = readIfExists(p);
            return text == null ? null : CannedNetlinkParser.wifiBss(text, p.toString());
        }

        @Override
        public List<WifiStation> stations(WifiInterface ifi) throws IOException {
            Path p = dir.resolve(ifi.name()).resolve("stationinfo.json");
            String text = readIfExists(p);
            return text == null ? null : CannedNetlinkParser.wifiStations(text, p.toString());
        }

        private static String readIfExists(Path p) throws IOException {
            try {
                return SmallFiles.read(p);
            } catch (NoSuchFileException e) {
                return null;
            }
        }
    }
}
