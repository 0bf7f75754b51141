package dev.nodepulse.agent.node;

import dev.nodepulse.procfs.natives.PerfCount;
import dev.nodepulse.procfs.natives.PerfEvent;
import java.io.IOException;

/**
 * Opens CPU-wide perf counters for the perf collector: perf_event_open(2) on the running kernel, or canned
 * counters in tests. A counter the CPU or hypervisor lacks fails to open with an
 * {@link dev.nodepulse.procfs.natives.ErrnoException}.
 */
interface PerfSource {

    Counter open(int type, long config, int cpu) throws IOException;

    /** One open counter; it counts once enabled, until closed. */
    interface Counter extends AutoCloseable {

        void enable() throws IOException;

        PerfCount read() throws IOException;

        @Override
        void close();
    }

    PerfSource KERNEL = (type, config, cpu) -> {
        PerfEvent event = PerfEvent.open(type, config, cpu);
        return new Counter() {
            @Override
            public void enable() throws IOException {
                event.enable();
            }

            @Override
            public PerfCount read() throws IOException {
                return event.read();
            }

            @Override
            public void close() {
                event.close();
            }
        };
    };
}
