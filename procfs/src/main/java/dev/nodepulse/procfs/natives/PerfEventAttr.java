package dev.nodepulse.procfs.natives;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The struct perf_event_attr node_exporter's perf collector passes to perf_event_open(2) through the Go
 * perf-utils library: one counting (not sampling) event, created disabled, counting child tasks too
 * (inherit), not counting in the hypervisor, whose read(2) yields the value followed by the total times
 * enabled and running. The size is PERF_ATTR_SIZE_VER7 (up to sig_data), the size of Go's
 * unix.PerfEventAttr which the library sends; every field past the ones set here is zero.
 */
public final class PerfEventAttr {

    /** enum perf_type_id. */
    public static final int PERF_TYPE_HARDWARE = 0;
    public static final int PERF_TYPE_SOFTWARE = 1;
    public static final int PERF_TYPE_HW_CACHE = 3;

    public static final int SIZE = 128;

    static final int OFFSET_TYPE = 0;
    static final int OFFSET_SIZE = 4;
    static final int OFFSET_CONFIG = 8;
    static final int OFFSET_SAMPLE_PERIOD = 16;
    static final int OFFSET_SAMPLE_TYPE = 24;
    static final int OFFSET_READ_FORMAT = 32;
    static final int OFFSET_FLAGS = 40;

    /** The first bits of the flag word after read_format. */
    static final long FLAG_DISABLED = 1L;
    static final long FLAG_INHERIT = 1L << 1;
    static final long FLAG_EXCLUDE_HV = 1L << 6;

    static final long PERF_FORMAT_TOTAL_TIME_ENABLED = 1L;
    static final long PERF_FORMAT_TOTAL_TIME_RUNNING = 1L << 1;
    static final long PERF_SAMPLE_IDENTIFIER = 1L << 16;

    private PerfEventAttr() {}

    /** Writes the attribute for one event into {@code out} (at least {@link #SIZE} bytes, native order). */
    public static ByteBuffer encode(int type, long config, ByteBuffer out) {
        if (out.capacity() < SIZE) {
            throw new IllegalArgumentException("perf_event_attr needs " + SIZE + " bytes, got " + out.capacity());
        }
        for (int i = 0; i < SIZE; i++) {
            out.put(i, (byte) 0);
        }
        out.putInt(OFFSET_TYPE, type);
        out.putInt(OFFSET_SIZE, SIZE);
        out.putLong(OFFSET_CONFIG, config);
        out.putLong(OFFSET_SAMPLE_TYPE, PERF_SAMPLE_IDENTIFIER);
        out.putLong(OFFSET_READ_FORMAT, PERF_FORMAT_TOTAL_TIME_ENABLED | PERF_FORMAT_TOTAL_TIME_RUNNING);
        out.putLong(OFFSET_FLAGS, FLAG_DISABLED | FLAG_INHERIT | FLAG_EXCLUDE_HV);
        return out;
    }

    public static ByteBuffer encode(int type, long config) {
        return encode(type, config, ByteBuffer.allocate(SIZE).order(ByteOrder.nativeOrder()));
    }

    /** The config of a PERF_TYPE_HW_CACHE event: cache id, operation and result, a byte each. */
    public static long cacheConfig(int cache, int op, int result) {
        return (cache & 0xff) | (long) (op & 0xff) << 8 | (long) (result & 0xff) << 16;
    }
}
