package dev.nodepulse.procfs.sys;

import java.util.List;

/**
 * One clocksource device of /sys/devices/system/clocksource: its directory suffix ("0" for clocksource0),
 * the available clocksources and the current one.
 */
public record Clocksource(String name, List<String> available, String current) {}
