package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.agent.collector.NoDataException;
import dev.nodepulse.cli.Flag;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.sys.powersupply.PowerSupply;
import dev.nodepulse.procfs.sys.powersupply.PowerSupplyReader;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Batteries and mains adapters from /sys/class/power_supply. Micro-units (µA, µV, µW, µWh, µAh) become base
 * units, tenths of a degree become °C. node_power_supply_info carries only the text attributes a supply
 * has, so its label names differ between supplies, exactly as node_exporter publishes it.
 */
public final class PowerSupplyClassCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("powersupplyclass", true,
            ctx -> new PowerSupplyClassCollector(ctx.paths(),
                    Pattern.compile(ctx.flags().string("collector.powersupply.ignored-supplies"))),
            Flag.regex("collector.powersupply.ignored-supplies", "^$",
                    "Regexp of power supplies to ignore for powersupplyclass collector."));

    /** Published name by attribute file, for values published as read. */
    private static final Map<String, String> AS_READ = Map.ofEntries(
            Map.entry("authentic", "authentic"), Map.entry("calibrate", "calibrate"), Map.entry("capacity", "capacity"),
            Map.entry("capacity_alert_max", "capacity_alert_max"), Map.entry("capacity_alert_min", "capacity_alert_min"),
            Map.entry("cycle_count", "cyclecount"), Map.entry("online", "online"), Map.entry("present", "present"),
            Map.entry("time_to_empty_now", "time_to_empty_seconds"), Map.entry("time_to_full_now", "time_to_full_seconds"));

    /** Published name by attribute file, for micro-unit values. */
    private static final Map<String, String> MICRO = Map.ofEntries(
            Map.entry("current_boot", "current_boot"), Map.entry("current_max", "current_max"),
            Map.entry("current_now", "current_ampere"), Map.entry("energy_empty", "energy_empty"),
            Map.entry("energy_empty_design", "energy_empty_design"), Map.entry("energy_full", "energy_full"),
            Map.entry("energy_full_design", "energy_full_design"), Map.entry("energy_now", "energy_watthour"),
            Map.entry("voltage_boot", "voltage_boot"), Map.entry("voltage_max", "voltage_max"),
            Map.entry("voltage_max_design", "voltage_max_design"), Map.entry("voltage_min", "voltage_min"),
            Map.entry("voltage_min_design", "voltage_min_design"), Map.entry("voltage_now", "voltage_volt"),
            Map.entry("voltage_ocv", "voltage_ocv"), Map.entry("charge_control_limit", "charge_control_limit"),
            Map.entry("charge_control_limit_max", "charge_control_limit_max"),
            Map.entry("charge_counter", "charge_counter"), Map.entry("charge_empty", "charge_empty"),
            Map.entry("charge_empty_design", "charge_empty_design"), Map.entry("charge_full", "charge_full"),
            Map.entry("charge_full_design", "charge_full_design"), Map.entry("charge_now", "charge_ampere"),
            Map.entry("charge_term_current", "charge_term_current"),
            Map.entry("constant_charge_current", "constant_charge_current"),
            Map.entry("constant_charge_current_max", "constant_charge_current_max"),
            Map.entry("constant_charge_voltage", "constant_charge_voltage"),
            Map.entry("constant_charge_voltage_max", "constant_charge_voltage_max"),
            Map.entry("precharge_current", "precharge_current"), Map.entry("input_current_limit", "input_current_limit"),
            Map.entry("power_now", "power_watt"));

    /** Published name by attribute file, for tenths of a degree Celsius. */
    private static final Map<String, String> DECI_CELSIUS = Map.of(
            "temp", "temp_celsius", "temp_alert_max", "temp_alert_max_celsius",
            "temp_alert_min", "temp_alert_min_celsius", "temp_ambient", "temp_ambient_celsius",
            "temp_ambient_max", "temp_ambient_max_celsius", "temp_ambient_min", "temp_ambient_min_celsius",
            "temp_max", "temp_max_celsius", "temp_min", "temp_min_celsius");

    /** Info label name by text attribute file. */
    private static final List<String> INFO_LABELS = List.of("capacity_level", "charge_type", "health",
            "manufacturer", "model_name", "serial_number", "status", "technology", "type", "usb_type", "scope");

    private final HostPaths paths;
    private final Pattern ignored;

    public PowerSupplyClassCollector(HostPaths paths, Pattern ignored) {
        this.paths = paths;
        this.ignored = ignored;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        List<PowerSupply> supplies;
        try {
            supplies = PowerSupplyReader.read(paths.sys("class", "power_supply"));
        } catch (NoSuchFileException e) {
            throw new NoDataException("no power_supply class: " + e.getMessage());
        }
        GaugeSnapshot.Builder info = GaugeSnapshot.builder().name("node_power_supply_info")
                .help("info of /sys/class/power_supply/<power_supply>.");
        boolean anyInfo = false;
        for (PowerSupply ps : supplies) {
            if (ignored.matcher(ps.name()).find()) {
                continue;
            }
            ps.numbers().forEach((file, value) -> {
                String name = AS_READ.get(file);
                double v = value;
                if (name == null && (name = MICRO.get(file)) != null) {
                    v = value / 1e6;
                } else if (name == null && (name = DECI_CELSIUS.get(file)) != null) {
                    v = value / 10.0;
                }
                if (name != null) {
                    sink.gauge("node_power_supply_" + name,
                            name + " value of /sys/class/power_supply/<power_supply>.", "power_supply")
                            .add(v, ps.name());
                }
            });
            List<String> names = new ArrayList<>();
            List<String> values = new ArrayList<>();
            names.add("power_supply");
            values.add(ps.name());
            for (String label : INFO_LABELS) {
                String v = ps.texts().get(label);
                if (v != null && !v.isEmpty()) {
                    names.add(label);
                    values.add(v);
                }
            }
            info.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(1)
                    .labels(Labels.of(names.toArray(new String[0]), values.toArray(new String[0]))).build());
            anyInfo = true;
        }
        if (anyInfo) {
            sink.add(info.build());
        }
    }
}
