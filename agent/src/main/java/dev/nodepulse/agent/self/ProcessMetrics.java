package dev.nodepulse.agent.self;

import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.natives.Sysconf;
import dev.nodepulse.procfs.proc.Limits;
import dev.nodepulse.procfs.proc.LimitsParser;
import dev.nodepulse.procfs.proc.PidStat;
import dev.nodepulse.procfs.proc.PidStatParser;
import dev.nodepulse.procfs.proc.ProcStatParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The agent's own process_* families, named and computed as client_golang's process collector does for
 * node_exporter. Always read from the real /proc/self, never from --path.procfs (that may be a fixture
 * tree or the host's /proc seen from a container).
 */
public final class ProcessMetrics {

    private final Path self;
    private final double bootTime;

    public ProcessMetrics() throws IOException {
        this(Path.of("/proc"));
    }

    ProcessMetrics(Path proc) throws IOException {
        this.self = proc.resolve("self");
        this.bootTime = ProcStatParser.parse(SmallFiles.read(proc.resolve("stat")), Sysconf.clockTicks()).bootTime();
    }

    public void collect(MetricSink sink) throws IOException {
        PidStat s = PidStatParser.parse(SmallFiles.read(self.resolve("stat")));
        double hz = Sysconf.clockTicks();
        sink.counter("process_cpu_seconds_total", "Total user and system CPU time spent in seconds.")
                .add((s.utimeTicks() + s.stimeTicks()) / hz);
        sink.gauge("process_virtual_memory_bytes", "Virtual memory size in bytes.").add(s.vsizeBytes());
        sink.gauge("process_resident_memory_bytes", "Resident memory size in bytes.")
                .add((double) s.rssPages() * Sysconf.pageSize());
        sink.gauge("process_start_time_seconds", "Start time of the process since unix epoch in seconds.")
                .add(bootTime + s.startTicks() / hz);
        sink.gauge("process_open_fds", "Number of open file descriptors.").add(openFds());
        Limits limits = LimitsParser.parse(SmallFiles.read(self.resolve("limits")));
        sink.gauge("process_max_fds", "Maximum number of open file descriptors.")
                .add(limit(limits.soft("Max open files", -1)));
        sink.gauge("process_virtual_memory_max_bytes", "Maximum amount of virtual memory available in bytes.")
                .add(limit(limits.soft("Max address space", -1)));
    }

    private long openFds() throws IOException {
        try (Stream<Path> fds = Files.list(self.resolve("fd"))) {
            return fds.count();
        }
    }

    /** "unlimited" is published as the largest uint64, as client_golang does. */
    private static double limit(long v) {
        return v < 0 ? 1.8446744073709552e19 : v;
    }
}
