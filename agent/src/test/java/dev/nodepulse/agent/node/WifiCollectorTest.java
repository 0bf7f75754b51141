package dev.nodepulse.agent.node;

import static dev.nodepulse.agent.node.SinkValues.size;
import static dev.nodepulse.agent.node.SinkValues.value;
import static dev.nodepulse.agent.node.FakeHost.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nodepulse.metrics.MetricSink;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WifiCollectorTest {

    @Test
    void cannedAnswersSkipNamelessDevicesAndMissingFiles(@TempDir Path dir) throws Exception {
        write(dir.resolve("interfaces.json"),
                "[{\"name\":\"wlan0\",\"frequency\":2412},{\"name\":\"wlan1\",\"frequency\":5745},{\"type\":10}]");
        write(dir.resolve("wlan0/bss.json"), "{\"ssid\":\"home\",\"bssid\":\"ABEiM0RV\",\"status\":0}");
        write(dir.resolve("wlan0/stationinfo.json"), "[{\"hardwareaddr\":\"qrvM3e7/\",\"connected\":1500000000,"
                + "\"signal\":-60,\"receivebitrate\":6500000}]");
        MetricSink sink = new MetricSink();
        new WifiCollector(dir.toString()).update(sink);
        assertEquals(2, size(sink, "node_wifi_interface_frequency_hertz"));
        assertEquals(5.745e9, value(sink, "node_wifi_interface_frequency_hertz", "wlan1"));
        assertEquals(1, value(sink, "node_wifi_station_info", "wlan0", "00:11:22:33:44:55", "home", "client"));
        assertEquals(1.5, value(sink, "node_wifi_station_connected_seconds_total", "wlan0", "aa:bb:cc:dd:ee:ff"));
        assertEquals(-60, value(sink, "node_wifi_station_signal_dbm", "wlan0", "aa:bb:cc:dd:ee:ff"));
        // wlan1 has neither bss.json nor stationinfo.json: only its frequency is published
        assertEquals(1, size(sink, "node_wifi_station_info"));
        assertEquals(1, size(sink, "node_wifi_station_signal_dbm"));
    }

    @Test
    void withoutInterfacesFileTheCollectorFails(@TempDir Path dir) {
        assertThrows(IOException.class, () -> new WifiCollector(dir.toString()).update(new MetricSink()));
    }

    @Test
    void bssStatusModes() {
        assertEquals("client", WifiCollector.mode(0));
        assertEquals("client", WifiCollector.mode(1));
        assertEquals("unknown", WifiCollector.mode(2));
        assertEquals("ad-hoc", WifiCollector.mode(3));
    }
}
