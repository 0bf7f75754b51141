package dev.nodepulse.procfs.etc;

import java.util.List;

/**
 * A compiled time zone file (tzfile(5), "TZif"): transition times, the local time type in force from each,
 * the types, and the POSIX TZ string that extends the rules past the last transition ("" when absent).
 */
public record Tzif(long[] transitions, int[] transitionTypes, List<Type> types, String footer) {

    /** One local time type: offset east of UTC in seconds, whether it is daylight saving time, abbreviation. */
    public record Type(int offsetSeconds, boolean dst, String abbreviation) {}

    /**
     * The zone in force at {@code epochSeconds}, chosen as Go's time package chooses it: before the first
     * transition the first standard-time type, after the last one the footer rule when there is one.
     */
    public ZoneName at(long epochSeconds) {
        if (types.isEmpty()) {
            return ZoneName.UTC;
        }
        if (transitions.length == 0) {
            // Go adds one transition at the beginning of time with type 0, so the footer still applies.
            ZoneName extended = footerAt(epochSeconds);
            Type t = types.get(0);
            return extended != null ? extended : new ZoneName(t.abbreviation(), t.offsetSeconds());
        }
        if (epochSeconds < transitions[0]) {
            Type t = types.get(firstZone());
            return new ZoneName(t.abbreviation(), t.offsetSeconds());
        }
        int lo = 0;
        int hi = transitions.length;
        while (hi - lo > 1) {
            int m = (lo + hi) >>> 1;
            if (epochSeconds < transitions[m]) {
                hi = m;
            } else {
                lo = m;
            }
        }
        if (lo == transitions.length - 1) {
            ZoneName extended = footerAt(epochSeconds);
            if (extended != null) {
                return extended;
            }
        }
        Type t = types.get(transitionTypes[lo]);
        return new ZoneName(t.abbreviation(), t.offsetSeconds());
    }

    private ZoneName footerAt(long epochSeconds) {
        return footer.isEmpty() ? null : PosixTzRule.zoneAt(footer, epochSeconds);
    }

    /** Go's lookupFirstZone: the type to use before the first transition. */
    private int firstZone() {
        boolean firstUsed = false;
        for (int t : transitionTypes) {
            if (t == 0) {
                firstUsed = true;
                break;
            }
        }
        if (!firstUsed) {
            return 0;
        }
        if (types.get(transitionTypes[0]).dst()) {
            for (int zi = transitionTypes[0] - 1; zi >= 0; zi--) {
                if (!types.get(zi).dst()) {
                    return zi;
                }
            }
        }
        for (int zi = 0; zi < types.size(); zi++) {
            if (!types.get(zi).dst()) {
                return zi;
            }
        }
        return 0;
    }
}
