package dev.nodepulse.procfs.sys;

import java.util.Map;

/**
 * The readable attributes of one hwmon chip, by sensor ("temp1") and property ("input", "label", "" for
 * the bare file). Values are the files' text without the trailing newline.
 */
public record HwmonSensors(Map<String, Map<String, String>> sensors) {

    public HwmonSensors {
        sensors = Map.copyOf(sensors);
    }
}
