package dev.nodepulse.agent.node;

import static dev.nodepulse.agent.node.SinkValues.map;
import static dev.nodepulse.agent.node.SinkValues.run;
import static dev.nodepulse.agent.node.SinkValues.series;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.agent.collector.NoDataException;
import dev.nodepulse.metrics.MetricSink;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HwmonCollectorTest {

    @TempDir
    Path dir;
    FakeHost h;

    /** hwmonN of a platform device, linked from class/hwmon; returns the hwmon directory under sys/. */
    private String chip(String hwmon, String device, String name) throws Exception {
        String d = "devices/platform/" + device + "/hwmon/" + hwmon + "/";
        h.sysDir(d).sysLink("class/hwmon/" + hwmon, "../../" + d).sysLink(d + "device", "../..");
        if (name != null) {
            h.sys(d + "name", name + "\n");
        }
        return d;
    }

    @BeforeEach
    void host() throws Exception {
        h = new FakeHost(dir);
        String core = chip("hwmon0", "coretemp.0", "coretemp");
        h.sys(core + "temp1_input", "55000\n").sys(core + "temp1_label", "Package id 0\n")
                .sys(core + "temp1_max", "84000\n").sys(core + "temp1_crit", "100000\n")
                .sys(core + "temp1_crit_alarm", "0\n").sys(core + "temp2_input", "54000\n")
                .sys(core + "temp2_type", "4\n");
        String nct = chip("hwmon3", "nct6775.656", "nct6779");
        h.sys(nct + "in0_input", "792\n").sys(nct + "in0_min", "0\n").sys(nct + "in0_alarm", "1\n")
                .sys(nct + "in0_beep", "0\n").sys(nct + "fan2_input", "1098\n").sys(nct + "fan2_target", "27000\n")
                .sys(nct + "fan2_pulses", "2\n").sys(nct + "pwm1", "153\n").sys(nct + "pwm1_enable", "5\n")
                .sys(nct + "pwm1_auto_point1_temp", "30000\n").sys(nct + "intrusion0_alarm", "1\n")
                .sys(nct + "beep_enable", "1\n").sys(nct + "vrm", "9.1\n").sys(nct + "cpu0_vid", "1200\n")
                .sys(nct + "update_interval", "500\n").sys(nct + "fan2_label", "not a number, still a label\n")
                .sys(nct + "in1_input", "garbage\n");
        String power = chip("hwmon5", "power_meter", "power_meter");
        h.sys(power + "power1_average", "345000000\n").sys(power + "power1_accuracy", "2500\n")
                .sys(power + "power1_average_interval", "1000\n").sys(power + "energy1_input", "123456789\n")
                .sys(power + "curr1_input", "1500\n").sys(power + "humidity1_input", "45500\n")
                .sys(power + "temp3", "1\n").sys(power + "temp3_input", "21000\n");
        // a GPU without device link: named hwmonN, clocks published under their label
        h.sys("class/hwmon/hwmon4/freq1_input", "214000000\n").sys("class/hwmon/hwmon4/freq1_label", "sclk\n")
                .sys("class/hwmon/hwmon4/freq2_input", "300000000\n");
    }

    @Test
    void everyKindOfSensorWithItsUnit() throws Exception {
        MetricSink s = run(h.collectors().get("hwmon"));
        assertEquals(map("platform_power_meter,power_meter", 1, "platform_coretemp_0,coretemp", 1,
                "platform_nct6775_656,nct6779", 1), series(s, "node_hwmon_chip_names"));
        // a bare temp3 next to temp3_input: the bare file is the value, input gets a name of its own
        assertEquals(map("platform_coretemp_0,temp1", 55000 * 0.001, "platform_coretemp_0,temp2", 54000 * 0.001,
                "platform_power_meter,temp3", 1 * 0.001), series(s, "node_hwmon_temp_celsius"));
        assertEquals("GAUGE [chip, sensor] Hardware monitor for temperature (input)",
                SinkValues.shape(s, "node_hwmon_temp_celsius"));
        assertEquals(map("platform_coretemp_0,temp1", 84.0), series(s, "node_hwmon_temp_max_celsius"));
        assertEquals(map("platform_coretemp_0,temp1", 100.0), series(s, "node_hwmon_temp_crit_celsius"));
        assertEquals(map("platform_coretemp_0,temp1", 0), series(s, "node_hwmon_temp_crit_alarm_celsius"));
        assertEquals(map("platform_coretemp_0,temp2", 4), series(s, "node_hwmon_temp_type"));
        assertEquals("GAUGE [chip, sensor] Hardware monitor temp element type", SinkValues.shape(s, "node_hwmon_temp_type"));
        assertEquals(map("platform_coretemp_0,temp1,Package id 0", 1, "platform_nct6775_656,fan2,not a number, still a label", 1,
                "hwmon4,freq1,sclk", 1), series(s, "node_hwmon_sensor_label"));

        String nct = "platform_nct6775_656,";
        assertEquals(map(nct + "in0", 792 * 0.001), series(s, "node_hwmon_in_volts"));
        assertEquals(map(nct + "in0", 0), series(s, "node_hwmon_in_min_volts"));
        assertEquals(map(nct + "in0", 1), series(s, "node_hwmon_in_alarm"));
        assertEquals("GAUGE [chip, sensor] Hardware sensor alarm status (in)", SinkValues.shape(s, "node_hwmon_in_alarm"));
        assertEquals(map(nct + "in0", 0), series(s, "node_hwmon_in_beep_enabled"));
        assertEquals(map(nct + "cpu0", 1200 * 0.001), series(s, "node_hwmon_cpu_vid_volts"));
        assertEquals(map(nct + "fan2", 1098), series(s, "node_hwmon_fan_rpm"));
        assertEquals(map(nct + "fan2", 27000), series(s, "node_hwmon_fan_target_rpm"));
        assertEquals(map(nct + "fan2", 2), series(s, "node_hwmon_fan_pulses"));
        assertEquals("GAUGE [chip, sensor] Hardware monitor fan element pulses", SinkValues.shape(s, "node_hwmon_fan_pulses"));
        assertEquals(map(nct + "pwm1", 153), series(s, "node_hwmon_pwm"));
        assertEquals(map(nct + "pwm1", 5), series(s, "node_hwmon_pwm_enable"));
        assertEquals(map(nct + "pwm1", 30000), series(s, "node_hwmon_pwm_auto_point1_temp"));
        assertEquals(map(nct + "intrusion0", 1), series(s, "node_hwmon_intrusion_alarm"));
        assertEquals(map(nct + "beep_enable0", 1), series(s, "node_hwmon_beep_enabled"));
        assertEquals(map(nct + "vrm0", 9.1), series(s, "node_hwmon_voltage_regulator_version"));
        assertEquals(map(nct + "update_interval0", 500 * 0.001), series(s, "node_hwmon_update_interval_seconds"));
        assertTrue(series(s, "node_hwmon_in_volts").keySet().stream().noneMatch(k -> k.endsWith("in1")),
                "a value that is not a number is skipped");

        String pm = "platform_power_meter,";
        assertEquals(map(pm + "power1", 345000000 / 1000000.0), series(s, "node_hwmon_power_average_watt"));
        assertEquals(map(pm + "power1", 2500 / 1000000.0), series(s, "node_hwmon_power_accuracy"));
        assertEquals(map(pm + "power1", 1000 * 0.001), series(s, "node_hwmon_power_average_interval_seconds"));
        assertEquals(map(pm + "energy1", 123456789 / 1000000.0), series(s, "node_hwmon_energy_joule_total"));
        assertEquals("COUNTER [chip, sensor] Hardware monitor for joules used so far (input)",
                SinkValues.shape(s, "node_hwmon_energy_joule_total"));
        assertEquals(map(pm + "curr1", 1500 * 0.001), series(s, "node_hwmon_curr_amps"));
        assertEquals(map(pm + "humidity1", 45500 / 1000000.0), series(s, "node_hwmon_humidity"));
        assertEquals(map(pm + "temp3", 21000 * 0.001), series(s, "node_hwmon_temp_input_celsius"));

        // only labelled clocks are published, under the label
        assertEquals(map("hwmon4,sclk", 214), series(s, "node_hwmon_freq_freq_mhz"));
    }

    @Test
    void chipAndSensorFilters() throws Exception {
        MetricSink only = run(h.collectors("--collector.hwmon.chip-include=coretemp|hwmon4").get("hwmon"));
        assertEquals(List.of("platform_coretemp_0,temp1", "platform_coretemp_0,temp2"),
                List.copyOf(series(only, "node_hwmon_temp_celsius").keySet()));
        assertTrue(series(only, "node_hwmon_in_volts").isEmpty());
        assertEquals(1, series(only, "node_hwmon_freq_freq_mhz").size());

        MetricSink without = run(h.collectors("--collector.hwmon.chip-exclude=^platform_").get("hwmon"));
        assertTrue(series(without, "node_hwmon_temp_celsius").isEmpty());
        assertEquals(1, series(without, "node_hwmon_freq_freq_mhz").size());

        MetricSink sensors = run(h.collectors("--collector.hwmon.sensor-exclude=platform_coretemp_0;temp2").get("hwmon"));
        assertTrue(series(sensors, "node_hwmon_temp_celsius").containsKey("platform_coretemp_0,temp1"));
        assertTrue(!series(sensors, "node_hwmon_temp_celsius").containsKey("platform_coretemp_0,temp2"));
        assertTrue(series(sensors, "node_hwmon_temp_type").isEmpty());

        MetricSink included = run(h.collectors("--collector.hwmon.sensor-include=;fan").get("hwmon"));
        assertEquals(List.of("node_hwmon_fan_pulses", "node_hwmon_fan_rpm", "node_hwmon_fan_target_rpm"),
                SinkValues.families(included).stream().filter(f -> !f.equals("node_hwmon_chip_names")
                        && !f.equals("node_hwmon_sensor_label")).toList());
    }

    @Test
    void noHwmonClassIsNoData(@TempDir Path empty) throws Exception {
        assertThrows(NoDataException.class, () -> run(new HwmonCollector(new FakeHost(empty).paths,
                dev.nodepulse.agent.collector.DeviceFilter.NONE, dev.nodepulse.agent.collector.DeviceFilter.NONE)));
    }
}
