package dev.nodepulse.procfs.sys.edac;

import java.util.List;

/**
 * One memory controller of /sys/devices/system/edac/mc: its error counts, those it could not attribute to
 * a csrow (the *_noinfo_count files), and its csrows. Counts are unsigned 64-bit values held in longs.
 */
public record EdacController(String number, long correctable, long uncorrectable, long correctableNoInfo,
                             long uncorrectableNoInfo, List<Csrow> csrows) {

    public record Csrow(String number, long correctable, long uncorrectable, List<Channel> channels) {}

    /** A channel of a csrow; {@code uncorrectable} is null when ch&lt;N&gt;_ue_count is absent or unreadable. */
    public record Channel(String number, String dimmLabel, long correctable, Long uncorrectable) {}
}
