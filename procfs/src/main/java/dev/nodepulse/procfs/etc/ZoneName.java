package dev.nodepulse.procfs.etc;

/** A time zone at one instant: its abbreviation ("UTC", "CEST", "+04") and offset east of UTC in seconds. */
public record ZoneName(String abbreviation, int offsetSeconds) {

    public static final ZoneName UTC = new ZoneName("UTC", 0);
}
