package dev.nodepulse.procfs.sys.powersupply;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.GoStrconv;
import dev.nodepulse.procfs.io.SysfsAttributes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * /sys/class/power_supply/*: every regular file of a supply that node_exporter knows. Attributes the driver
 * refuses to read (ENODEV, EINVAL, EOPNOTSUPP) are skipped; any other read error or a non-numeric value in a
 * numeric attribute fails the read. Numbers may be written in C syntax.
 */
public final class PowerSupplyReader {

    static final Set<String> TEXT = Set.of("capacity_level", "charge_type", "health", "manufacturer", "model_name",
            "scope", "serial_number", "status", "technology", "type", "usb_type");

    static final Set<String> NUMERIC = Set.of("authentic", "calibrate", "capacity", "capacity_alert_max",
            "capacity_alert_min", "charge_avg", "charge_control_limit", "charge_control_limit_max",
            "charge_counter", "charge_empty", "charge_empty_design", "charge_full", "charge_full_design",
            "charge_now", "charge_term_current", "constant_charge_current", "constant_charge_current_max",
            "constant_charge_voltage", "constant_charge_voltage_max", "current_avg", "current_boot", "current_max",
            "current_now", "cycle_count", "energy_avg", "energy_empty", "energy_empty_design", "energy_full",
            "energy_full_design", "energy_now", "input_current_limit", "online", "power_avg", "power_now",
            "precharge_current", "present", "temp", "temp_alert_max", "temp_alert_min", "temp_ambient",
            "temp_ambient_max", "temp_ambient_min", "temp_max", "temp_min", "time_to_empty_avg",
            "time_to_empty_now", "time_to_full_avg", "time_to_full_now", "voltage_avg", "voltage_boot",
            "voltage_max", "voltage_max_design", "voltage_min", "voltage_min_design", "voltage_now", "voltage_ocv");

    private PowerSupplyReader() {}

    /** @param classDir the sysfs directory class/power_supply; missing: NoSuchFileException */
    public static List<PowerSupply> read(Path classDir) throws IOException {
        List<PowerSupply> out = new ArrayList<>();
        for (String name : SysfsAttributes.list(classDir)) {
            out.add(readOne(name, classDir.resolve(name)));
        }
        return List.copyOf(out);
    }

    static PowerSupply readOne(String name, Path dir) throws IOException {
        Map<String, Long> numbers = new TreeMap<>();
        Map<String, String> texts = new TreeMap<>();
        for (String file : SysfsAttributes.list(dir)) {
            Path p = dir.resolve(file);
            if (!SysfsAttributes.isRegularFile(p)) {
                continue;
            }
            String value;
            try {
                value = SysfsAttributes.read(p);
            } catch (IOException e) {
                if (refused(e)) {
                    continue;
                }
                throw e;
            }
            if (TEXT.contains(file)) {
                texts.put(file, value);
            } else if (NUMERIC.contains(file)) {
                try {
                    numbers.put(file, GoStrconv.parseInt(value, 0, 64));
                } catch (NumberFormatException e) {
                    throw new ParseException(p + ": not an integer: \"" + value + "\"");
                }
            }
        }
        return new PowerSupply(name, Map.copyOf(numbers), Map.copyOf(texts));
    }

    private static boolean refused(IOException e) {
        String m = e.getMessage();
        return SysfsAttributes.isUnsupportedRead(e) || m != null && m.contains("No such device");
    }
}
