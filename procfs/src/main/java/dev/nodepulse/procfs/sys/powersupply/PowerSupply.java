package dev.nodepulse.procfs.sys.powersupply;

import java.util.Map;

/**
 * /sys/class/power_supply/&lt;name&gt;: numeric attributes by file name in the kernel's units (µV, µA, µW,
 * µWh, µAh, tenths of °C, seconds, percent), and text attributes by file name. Only attributes node_exporter
 * knows are kept; an attribute the driver does not expose is absent.
 */
public record PowerSupply(String name, Map<String, Long> numbers, Map<String, String> texts) {}
