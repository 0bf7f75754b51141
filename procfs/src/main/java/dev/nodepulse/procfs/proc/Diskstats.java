package dev.nodepulse.procfs.proc;

import java.util.List;

/**
 * One line of /proc/diskstats. {@code counters} holds the statistics after the device name in the kernel's
 * order (Documentation/admin-guide/iostats.rst), as many as the kernel printed: 11 before 4.18, 15 with
 * the discard fields, 17 with the flush fields since 5.5. Values are the kernel's unsigned longs, kept as
 * Java longs of the same bits.
 */
public record Diskstats(long major, long minor, String device, List<Long> counters) {

    public static final int READS_COMPLETED = 0;
    public static final int READS_MERGED = 1;
    public static final int SECTORS_READ = 2;
    public static final int READ_MILLIS = 3;
    public static final int WRITES_COMPLETED = 4;
    public static final int WRITES_MERGED = 5;
    public static final int SECTORS_WRITTEN = 6;
    public static final int WRITE_MILLIS = 7;
    public static final int IOS_IN_PROGRESS = 8;
    public static final int IO_MILLIS = 9;
    public static final int WEIGHTED_IO_MILLIS = 10;
    public static final int DISCARDS_COMPLETED = 11;
    public static final int DISCARDS_MERGED = 12;
    public static final int SECTORS_DISCARDED = 13;
    public static final int DISCARD_MILLIS = 14;
    public static final int FLUSHES_COMPLETED = 15;
    public static final int FLUSH_MILLIS = 16;

    /** The most statistics a line can carry; later columns, if a kernel ever adds some, are not read. */
    public static final int MAX_COUNTERS = 17;

    public Diskstats {
        counters = List.copyOf(counters);
    }
}
