package dev.nodepulse.procfs.natives;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import java.io.IOException;
import java.nio.ByteOrder;

/**
 * One perf counter opened with perf_event_open(2) for every task on one CPU (pid -1), as node_exporter's
 * perf collector opens them. It starts disabled; {@link #enable()} starts counting, {@link #read()} reads
 * the running total. Failures are {@link ErrnoException}s (ENOENT or EOPNOTSUPP for events the CPU or
 * hypervisor lacks, EACCES when perf_event_paranoid forbids CPU-wide counting).
 */
public final class PerfEvent implements AutoCloseable {

    /** PERF_FLAG_FD_CLOEXEC: the descriptor is not handed to processes the agent starts. */
    private static final long PERF_FLAG_FD_CLOEXEC = 1L << 3;
    /** _IO('$', 0), the same number on x86_64 and aarch64. */
    private static final long PERF_EVENT_IOC_ENABLE = 0x2400;

    private final int fd;
    private boolean closed;

    private PerfEvent(int fd) {
        this.fd = fd;
    }

    /** __NR_perf_event_open of the architecture named by Java's {@code os.arch}; -1 when unknown. */
    static long syscallNumber(String arch) {
        return switch (arch) {
            case "amd64", "x86_64" -> 298;
            case "aarch64", "arm64" -> 241;
            default -> -1;
        };
    }

    public static PerfEvent open(int type, long config, int cpu) throws IOException {
        String arch = System.getProperty("os.arch", "");
        long nr = syscallNumber(arch);
        if (nr < 0) {
            throw new IOException("perf_event_open: unsupported architecture " + arch);
        }
        try (Memory attr = new Memory(PerfEventAttr.SIZE)) {
            PerfEventAttr.encode(type, config, attr.getByteBuffer(0, PerfEventAttr.SIZE).order(ByteOrder.nativeOrder()));
            long fd = PerfLibC.Holder.INSTANCE.syscall(nr, attr, -1, cpu, -1, PERF_FLAG_FD_CLOEXEC);
            if (fd < 0) {
                throw new ErrnoException("perf_event_open", Native.getLastError());
            }
            return new PerfEvent((int) fd);
        }
    }

    public void enable() throws IOException {
        if (PerfLibC.Holder.INSTANCE.ioctl(fd, new NativeLong(PERF_EVENT_IOC_ENABLE), 0) != 0) {
            throw new ErrnoException("perf event enable", Native.getLastError());
        }
    }

    public PerfCount read() throws IOException {
        try (Memory buf = new Memory(PerfCount.SIZE)) {
            long n = PerfLibC.Holder.INSTANCE.read(fd, buf, PerfCount.SIZE);
            if (n < 0) {
                throw new ErrnoException("perf event read", Native.getLastError());
            }
            return PerfCount.decode(buf.getByteBuffer(0, PerfCount.SIZE).order(ByteOrder.nativeOrder()), n);
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            PerfLibC.Holder.INSTANCE.close(fd);
        }
    }
}
