package dev.nodepulse.procfs.natives;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * What read(2) returns for an event opened with {@link PerfEventAttr}: the count, then the nanoseconds the
 * event was enabled and actually running (they differ when the PMU was multiplexed). node_exporter's
 * library hands the raw count on without scaling it by enabled/running, and so does this.
 */
public record PerfCount(long value, long timeEnabled, long timeRunning) {

    /** struct read_format with PERF_FORMAT_TOTAL_TIME_ENABLED and _RUNNING: three u64. */
    public static final int SIZE = 24;

    /** Decodes {@code length} bytes read into {@code buf} (native order). */
    public static PerfCount decode(ByteBuffer buf, long length) throws IOException {
        if (length != SIZE) {
            throw new IOException("perf event read returned " + length + " bytes, expected " + SIZE);
        }
        return new PerfCount(buf.getLong(0), buf.getLong(8), buf.getLong(16));
    }
}
