package dev.nodepulse.procfs.natives;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import java.io.IOException;

/**
 * adjtimex(2) with modes = 0, a read-only query of the kernel clock discipline. Offsets are those of
 * struct timex on 64-bit Linux (longs, with ints padded to 8 bytes).
 */
public final class Timex {

    public static final int TIME_ERROR = 5;
    public static final int STA_NANO = 0x2000;

    /** The raw fields, in the kernel's units; the caller converts. */
    public record Result(int state, long offset, long freq, long maxerror, long esterror, int status,
                         long constant, long precision, long tolerance, long tick, long ppsfreq, long jitter,
                         int shift, long stabil, long jitcnt, long calcnt, long errcnt, long stbcnt, int tai) {}

    private Timex() {}

    /** Throws {@link ErrnoException} when the call fails (seccomp profiles may refuse it with EPERM). */
    public static Result adjtimex() throws IOException {
        try (Memory buf = new Memory(256)) {
            buf.clear();
            int state = LibC.Holder.INSTANCE.adjtimex(buf);
            if (state < 0) {
                int errno = Native.getLastError();
                throw new ErrnoException("adjtimex", errno);
            }
            return new Result(state, buf.getLong(8), buf.getLong(16), buf.getLong(24), buf.getLong(32),
                    buf.getInt(40), buf.getLong(48), buf.getLong(56), buf.getLong(64), buf.getLong(88),
                    buf.getLong(96), buf.getLong(104), buf.getInt(112), buf.getLong(120), buf.getLong(128),
                    buf.getLong(136), buf.getLong(144), buf.getLong(152), buf.getInt(160));
        }
    }
}
