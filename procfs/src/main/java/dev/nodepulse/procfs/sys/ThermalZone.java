package dev.nodepulse.procfs.sys;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * /sys/class/thermal/thermal_zoneN. {@code name} is "N"; {@code tempMilliCelsius} is 0 when the zone's
 * temperature could not be read, and such read problems are listed in {@code readErrors} (node_exporter
 * publishes the zone regardless).
 */
public record ThermalZone(String name, String type, long tempMilliCelsius, String policy, Optional<Boolean> mode,
                          OptionalLong passiveMilliCelsius, List<String> readErrors) {

    public ThermalZone {
        readErrors = List.copyOf(readErrors);
    }
}
