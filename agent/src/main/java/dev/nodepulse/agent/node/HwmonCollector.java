package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.agent.collector.DeviceFilter;
import dev.nodepulse.agent.collector.NoDataException;
import dev.nodepulse.cli.Flag;
import dev.nodepulse.log.Log;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.GoStrconv;
import dev.nodepulse.procfs.sys.HwmonChip;
import dev.nodepulse.procfs.sys.HwmonReader;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Map;

/**
 * Hardware sensors of /sys/class/hwmon (Documentation/hwmon/sysfs-interface.rst), named and scaled as
 * node_exporter does: node_hwmon_&lt;type&gt;[_&lt;property&gt;]_&lt;unit&gt; with labels chip and sensor.
 */
public final class HwmonCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("hwmon", true,
            ctx -> new HwmonCollector(ctx.paths(),
                    new DeviceFilter(ctx.pattern("chip-include"), ctx.pattern("chip-exclude")),
                    new DeviceFilter(ctx.pattern("sensor-include"), ctx.pattern("sensor-exclude"))),
            Flag.regex("collector.hwmon.chip-include", "",
                    "Regexp of hwmon chip to include (mutually exclusive to device-exclude)."),
            Flag.regex("collector.hwmon.chip-exclude", "",
                    "Regexp of hwmon chip to exclude (mutually exclusive to device-include)."),
            Flag.regex("collector.hwmon.sensor-include", "",
                    "Regexp of hwmon sensor to include (mutually exclusive to sensor-exclude)."),
            Flag.regex("collector.hwmon.sensor-exclude", "",
                    "Regexp of hwmon sensor to exclude (mutually exclusive to sensor-include)."));

    private static final Log LOG = Log.get(HwmonCollector.class);
    private static final String[] CHIP_SENSOR = {"chip", "sensor"};

    private final HostPaths paths;
    private final DeviceFilter chipFilter;
    /** Matched against "&lt;chip&gt;;&lt;sensor&gt;", so one sensor of one chip can be singled out. */
    private final DeviceFilter sensorFilter;

    public HwmonCollector(HostPaths paths, DeviceFilter chipFilter, DeviceFilter sensorFilter) {
        this.paths = paths;
        this.chipFilter = chipFilter;
        this.sensorFilter = sensorFilter;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        List<HwmonChip> chips;
        try {
            chips = HwmonReader.chips(paths.sysfs());
        } catch (NoSuchFileException e) {
            LOG.debug("hwmon collector metrics are not available for this system");
            throw new NoDataException("no " + e.getMessage());
        }
        IOException last = null;
        for (HwmonChip chip : chips) {
            if (chipFilter.ignored(chip.chip())) {
                LOG.debug("ignoring hwmon chip", "chip", chip.chip());
                continue;
            }
            try {
                publish(sink, chip, HwmonReader.sensors(chip.dir()).sensors());
            } catch (IOException e) {
                // the other chips are still published; the scrape reports this collector failed
                last = e;
            }
        }
        if (last != null) {
            throw last;
        }
    }

    private void publish(MetricSink sink, HwmonChip hw, Map<String, Map<String, String>> sensors) {
        String chip = hw.chip();
        hw.humanName().ifPresent(n -> sink.gauge("node_hwmon_chip_names",
                "Annotation metric for human-readable chip names", "chip", "chip_name").add(1, chip, n));
        for (Map.Entry<String, Map<String, String>> s : sensors.entrySet()) {
            String sensor = s.getKey();
            Map<String, String> props = s.getValue();
            if (sensorFilter.ignored(chip + ";" + sensor)) {
                LOG.debug("ignoring sensor", "sensor", sensor);
                continue;
            }
            String type = HwmonReader.explode(sensor).orElseThrow().type();
            String label = props.get("label");
            if (label != null) {
                sink.gauge("node_hwmon_sensor_label", "Label for given chip and sensor", "chip", "sensor", "label")
                        .add(1, chip, sensor, label);
            }
            switch (type) {
                case "beep_enable" -> {
                    gauge(sink, "node_hwmon_beep_enabled", "Hardware beep enabled",
                            "1".equals(props.get("")) ? 1 : 0, chip, sensor);
                    continue;
                }
                case "vrm" -> {
                    Double v = number(props.get(""));
                    if (v != null) {
                        gauge(sink, "node_hwmon_voltage_regulator_version", "Hardware voltage regulator", v, chip,
                                sensor);
                    }
                    continue;
                }
                case "update_interval" -> {
                    Double v = number(props.get(""));
                    if (v != null) {
                        gauge(sink, "node_hwmon_update_interval_seconds", "Hardware monitor update interval",
                                v * 0.001, chip, sensor);
                    }
                    continue;
                }
                default -> { }
            }
            String prefix = "node_hwmon_" + type;
            for (Map.Entry<String, String> p : props.entrySet()) {
                String element = p.getKey();
                if (element.equals("label")) {
                    continue;
                }
                String name = prefix;
                if (element.equals("input")) {
                    // "input" is the value itself, unless a bare file holds that already
                    if (props.containsKey("")) {
                        name += "_input";
                    }
                } else if (!element.isEmpty()) {
                    name += "_" + HwmonReader.cleanName(element);
                }
                Double v = number(p.getValue());
                if (v != null) {
                    element(sink, type, element, name, v, chip, sensor, label);
                }
            }
        }
    }

    /** One attribute value, unit and scale chosen by sensor type and property as node_exporter chooses them. */
    private static void element(MetricSink sink, String type, String element, String name, double v, String chip,
                                String sensor, String label) {
        if (element.equals("fault") || element.equals("alarm")) {
            gauge(sink, name, "Hardware sensor " + element + " status (" + type + ")", v, chip, sensor);
            return;
        }
        if (element.equals("beep")) {
            gauge(sink, name + "_enabled", "Hardware monitor sensor has beeping enabled", v, chip, sensor);
            return;
        }
        switch (type) {
            case "in", "cpu" -> gauge(sink, name + "_volts", "Hardware monitor for voltage (" + element + ")",
                    v * 0.001, chip, sensor);
            case "temp" -> {
                if (element.equals("type")) {
                    fallback(sink, type, element, name, v, chip, sensor);
                } else {
                    gauge(sink, name + "_celsius", "Hardware monitor for temperature ("
                            + (element.isEmpty() ? "input" : element) + ")", v * 0.001, chip, sensor);
                }
            }
            case "curr" -> gauge(sink, name + "_amps", "Hardware monitor for current (" + element + ")", v * 0.001,
                    chip, sensor);
            case "energy" -> sink.counter(name + "_joule_total",
                    "Hardware monitor for joules used so far (" + element + ")", CHIP_SENSOR)
                    .add(v / 1000000.0, chip, sensor);
            case "power" -> {
                if (element.equals("accuracy")) {
                    gauge(sink, name, "Hardware monitor power meter accuracy, as a ratio", v / 1000000.0, chip,
                            sensor);
                } else if (element.equals("average_interval") || element.equals("average_interval_min")
                        || element.equals("average_interval_max")) {
                    gauge(sink, name + "_seconds", "Hardware monitor power usage update interval (" + element + ")",
                            v * 0.001, chip, sensor);
                } else {
                    gauge(sink, name + "_watt", "Hardware monitor for power usage in watts (" + element + ")",
                            v / 1000000.0, chip, sensor);
                }
            }
            case "humidity" -> gauge(sink, name, "Hardware monitor for humidity, as a ratio (multiply with 100.0 "
                    + "to get the humidity as a percentage) (" + element + ")", v / 1000000.0, chip, sensor);
            case "fan" -> {
                if (element.equals("input") || element.equals("min") || element.equals("max")
                        || element.equals("target")) {
                    gauge(sink, name + "_rpm", "Hardware monitor for fan revolutions per minute (" + element + ")",
                            v, chip, sensor);
                } else {
                    fallback(sink, type, element, name, v, chip, sensor);
                }
            }
            case "freq" -> {
                if (element.equals("input")) {
                    // GPU clocks: the sensor label names the clock ("sclk"); without a label nothing is published
                    if (label != null) {
                        gauge(sink, name + "_freq_mhz", "Hardware monitor for GPU frequency in MHz", v / 1000000.0,
                                chip, HwmonReader.cleanName(label));
                    }
                } else {
                    fallback(sink, type, element, name, v, chip, sensor);
                }
            }
            default -> fallback(sink, type, element, name, v, chip, sensor);
        }
    }

    private static void fallback(MetricSink sink, String type, String element, String name, double v, String chip,
                                 String sensor) {
        gauge(sink, name, "Hardware monitor " + type + " element " + element, v, chip, sensor);
    }

    private static void gauge(MetricSink sink, String name, String help, double v, String chip, String sensor) {
        sink.gauge(name, help, CHIP_SENSOR).add(v, chip, sensor);
    }

    /** The attribute as a number, or null when it is none (node_exporter then skips it). */
    private static Double number(String s) {
        if (s == null) {
            return null;
        }
        try {
            return GoStrconv.parseFloat(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
