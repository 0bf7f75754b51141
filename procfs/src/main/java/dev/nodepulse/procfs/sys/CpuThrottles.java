package dev.nodepulse.procfs.sys;

import java.util.Map;

/**
 * Thermal throttle counts of /sys/devices/system/cpu/cpu*&#47;thermal_throttle, keyed by the topology ids
 * (physical_package_id, core_id). A package or core whose count could not be read is absent.
 */
public record CpuThrottles(Map<Long, Long> packageThrottles, Map<Long, Map<Long, Long>> coreThrottles) {

    public CpuThrottles {
        packageThrottles = Map.copyOf(packageThrottles);
        coreThrottles = Map.copyOf(coreThrottles);
    }
}
