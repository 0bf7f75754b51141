package dev.nodepulse.agent.node;

import static dev.nodepulse.agent.node.SinkValues.map;
import static dev.nodepulse.agent.node.SinkValues.run;
import static dev.nodepulse.agent.node.SinkValues.series;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.ParseException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThermalZoneCollectorTest {

    @Test
    void zonesAndCoolingDevices(@TempDir Path dir) throws Exception {
        FakeHost h = new FakeHost(dir)
                .sys("class/thermal/thermal_zone0/type", "cpu-thermal\n")
                .sys("class/thermal/thermal_zone0/temp", "12376\n")
                .sys("class/thermal/thermal_zone0/policy", "step_wise\n")
                .sys("class/thermal/thermal_zone1/type", "acpitz\n")
                .sys("class/thermal/thermal_zone1/temp", "-500\n")
                .sys("class/thermal/cooling_device0/type", "Processor\n")
                .sys("class/thermal/cooling_device0/max_state", "3\n")
                .sys("class/thermal/cooling_device0/cur_state", "1\n");
        MetricSink s = run(h.collectors().get("thermal_zone"));
        assertEquals(map("0,cpu-thermal", 12.376, "1,acpitz", -0.5), series(s, "node_thermal_zone_temp"));
        assertEquals("GAUGE [zone, type] Zone temperature in Celsius", SinkValues.shape(s, "node_thermal_zone_temp"));
        assertEquals(map("0,Processor", 1), series(s, "node_cooling_device_cur_state"));
        assertEquals(map("0,Processor", 3), series(s, "node_cooling_device_max_state"));
    }

    @Test
    void aHostWithoutThermalClassPublishesNothing(@TempDir Path dir) throws Exception {
        assertTrue(SinkValues.families(run(new ThermalZoneCollector(new FakeHost(dir).paths))).isEmpty());
    }

    @Test
    void aZoneWhoseTemperatureCannotBeReadIsPublishedAsZero(@TempDir Path dir) throws Exception {
        FakeHost h = new FakeHost(dir).sys("class/thermal/thermal_zone2/type", "iwlwifi_1\n");
        assertEquals(map("2,iwlwifi_1", 0), series(run(new ThermalZoneCollector(h.paths)), "node_thermal_zone_temp"));
    }

    @Test
    void aGarbledCoolingDeviceFailsAfterTheZones(@TempDir Path dir) throws Exception {
        FakeHost h = new FakeHost(dir)
                .sys("class/thermal/thermal_zone0/type", "x86_pkg_temp\n")
                .sys("class/thermal/thermal_zone0/temp", "40000\n")
                .sys("class/thermal/cooling_device0/type", "Fan\n")
                .sys("class/thermal/cooling_device0/max_state", "1\n")
                .sys("class/thermal/cooling_device0/cur_state", "on\n");
        MetricSink sink = new MetricSink();
        assertThrows(ParseException.class, () -> new ThermalZoneCollector(h.paths).update(sink));
        assertEquals(map("0,x86_pkg_temp", 40), series(sink, "node_thermal_zone_temp"));
    }
}
