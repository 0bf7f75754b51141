package dev.nodepulse.procfs.natives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * The perf_event_attr encoding, checked byte by byte against the kernel's struct layout
 * (include/uapi/linux/perf_event.h): type u32 @0, size u32 @4, config u64 @8, sample_period u64 @16,
 * sample_type u64 @24, read_format u64 @32, the bitfield word u64 @40 (disabled bit 0, inherit bit 1,
 * exclude_hv bit 6), and perf-utils' values for them.
 */
class PerfEventAttrTest {

    private static long u64(ByteBuffer b, int off) {
        return b.order(ByteOrder.LITTLE_ENDIAN).getLong(off);
    }

    @Test
    void encodesTheFieldsPerfUtilsSetsAtTheKernelsOffsets() {
        ByteBuffer b = PerfEventAttr.encode(PerfEventAttr.PERF_TYPE_HW_CACHE, 0x10203L,
                ByteBuffer.allocate(PerfEventAttr.SIZE).order(ByteOrder.LITTLE_ENDIAN));
        // PERF_ATTR_SIZE_VER7, the size of Go's unix.PerfEventAttr.
        assertEquals(128, b.capacity());
        assertEquals(3, b.getInt(0));
        assertEquals(128, b.getInt(4));
        assertEquals(0x10203L, u64(b, 8));
        assertEquals(0L, u64(b, 16));
        assertEquals(0x10000L, u64(b, 24));
        assertEquals(0x3L, u64(b, 32));
        assertEquals(0b100_0011L, u64(b, 40));
        for (int i = 48; i < 128; i++) {
            assertEquals(0, b.get(i), "byte " + i);
        }
    }

    @Test
    void littleEndianBytesOfTypeAndFlags() {
        ByteBuffer b = PerfEventAttr.encode(PerfEventAttr.PERF_TYPE_SOFTWARE, 2,
                ByteBuffer.allocate(PerfEventAttr.SIZE).order(ByteOrder.LITTLE_ENDIAN));
        byte[] head = new byte[48];
        b.get(0, head);
        byte[] expected = {
            1, 0, 0, 0, (byte) 128, 0, 0, 0,
            2, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 1, 0, 0, 0, 0, 0,
            3, 0, 0, 0, 0, 0, 0, 0,
            0x43, 0, 0, 0, 0, 0, 0, 0};
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, head);
    }

    @Test
    void overwritesAReusedBuffer() {
        ByteBuffer b = ByteBuffer.allocate(PerfEventAttr.SIZE).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < PerfEventAttr.SIZE; i++) {
            b.put(i, (byte) 0xff);
        }
        PerfEventAttr.encode(PerfEventAttr.PERF_TYPE_HARDWARE, 0, b);
        assertEquals(0, b.getInt(0));
        assertEquals(0L, u64(b, 16));
        assertEquals(0L, u64(b, 120));
    }

    @Test
    void refusesASmallBuffer() {
        assertThrows(IllegalArgumentException.class,
                () -> PerfEventAttr.encode(0, 0, ByteBuffer.allocate(PerfEventAttr.SIZE - 1)));
    }

    @Test
    void cacheConfigIsIdOpResultByteByByte() {
        // PERF_COUNT_HW_CACHE_DTLB (3) | OP_WRITE (1) << 8 | RESULT_MISS (1) << 16
        assertEquals(0x10103L, PerfEventAttr.cacheConfig(3, 1, 1));
        assertEquals(0L, PerfEventAttr.cacheConfig(0, 0, 0));
        assertEquals(0x10005L, PerfEventAttr.cacheConfig(5, 0, 1));
    }

    @Test
    void syscallNumbersOfTheSupportedArchitectures() {
        assertEquals(298, PerfEvent.syscallNumber("amd64"));
        assertEquals(241, PerfEvent.syscallNumber("aarch64"));
        assertEquals(-1, PerfEvent.syscallNumber("riscv64"));
    }

    @Test
    void decodesReadFormatValueEnabledRunning() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(PerfCount.SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(0, 123456789L).putLong(8, 2_000_000_000L).putLong(16, 1_000_000_000L);
        // Not scaled by enabled/running, as perf-utils does not scale.
        assertEquals(new PerfCount(123456789L, 2_000_000_000L, 1_000_000_000L), PerfCount.decode(b, 24));
    }

    @Test
    void keepsTheFullUnsignedRange() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(PerfCount.SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(0, -1L);
        assertEquals(-1L, PerfCount.decode(b, 24).value());
    }

    @Test
    void aShortReadIsAnError() {
        ByteBuffer b = ByteBuffer.allocate(PerfCount.SIZE).order(ByteOrder.LITTLE_ENDIAN);
        IOException e = assertThrows(IOException.class, () -> PerfCount.decode(b, 8));
        assertEquals("perf event read returned 8 bytes, expected 24", e.getMessage());
    }
}
