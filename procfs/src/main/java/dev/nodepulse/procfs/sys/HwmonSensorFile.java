package dev.nodepulse.procfs.sys;

/**
 * A hwmon attribute file name taken apart: "temp1_crit_alarm" is type "temp", number 1, property
 * "crit_alarm"; "temp1" has property ""; chip-wide files ("update_interval") have number 0.
 */
public record HwmonSensorFile(String type, long number, String property) {

    /** The sensor the file belongs to: type and number, "temp1" (or "update_interval0"). */
    public String sensor() {
        return type + number;
    }
}
