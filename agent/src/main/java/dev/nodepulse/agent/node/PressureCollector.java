package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.agent.collector.NoDataException;
import dev.nodepulse.log.Log;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.proc.PsiLine;
import dev.nodepulse.procfs.proc.PsiParser;
import dev.nodepulse.procfs.proc.PsiStats;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Pressure stall information (PSI) totals from /proc/pressure/{cpu,io,memory,irq}, in seconds. */
public final class PressureCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("pressure", true,
            ctx -> new PressureCollector(ctx.paths()));

    private static final Log LOG = Log.get(PressureCollector.class);
    private static final List<String> RESOURCES = List.of("cpu", "io", "memory", "irq");

    private final HostPaths paths;

    public PressureCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        int found = 0;
        for (String res : RESOURCES) {
            Path file = paths.proc("pressure", res);
            PsiStats s;
            try {
                s = PsiParser.parse(SmallFiles.read(file), file.toString());
            } catch (NoSuchFileException e) {
                LOG.debug(res.equals("irq")
                        ? "IRQ pressure information is unavailable, you need a Linux kernel >= 6.1 and/or CONFIG_PSI "
                                + "enabled for your kernel"
                        : "pressure information is unavailable, you need a Linux kernel >= 4.20 and/or CONFIG_PSI "
                                + "enabled for your kernel", "resource", res);
                continue;
            } catch (IOException e) {
                if (e.getMessage() != null && e.getMessage().contains("not supported")) {
                    LOG.debug("pressure information is disabled, add psi=1 kernel command line to enable it");
                    throw new NoDataException("pressure information is disabled (psi=0)");
                }
                throw new IOException("failed to retrieve pressure stats: " + e.getMessage(), e);
            }
            // irq has no "some" line, cpu had no "full" line before Linux 5.13
            if (s.some().isEmpty() && !res.equals("irq")) {
                throw new NoDataException("pressure information returned no 'some' data");
            }
            if (s.full().isEmpty() && !res.equals("cpu")) {
                throw new NoDataException("pressure information returned no 'full' data");
            }
            switch (res) {
                case "cpu" -> seconds(sink, "node_pressure_cpu_waiting_seconds_total",
                        "Total time in seconds that processes have waited for CPU time", s.some().get());
                case "io" -> {
                    seconds(sink, "node_pressure_io_waiting_seconds_total",
                            "Total time in seconds that processes have waited due to IO congestion", s.some().get());
                    seconds(sink, "node_pressure_io_stalled_seconds_total",
                            "Total time in seconds no process could make progress due to IO congestion",
                            s.full().get());
                }
                case "memory" -> {
                    seconds(sink, "node_pressure_memory_waiting_seconds_total",
                            "Total time in seconds that processes have waited for memory", s.some().get());
                    seconds(sink, "node_pressure_memory_stalled_seconds_total",
                            "Total time in seconds no process could make progress due to memory congestion",
                            s.full().get());
                }
                default -> seconds(sink, "node_pressure_irq_stalled_seconds_total",
                        "Total time in seconds no process could make progress due to IRQ congestion", s.full().get());
            }
            found++;
        }
        if (found == 0) {
            LOG.debug("pressure information is unavailable, you need a Linux kernel >= 4.20 and/or CONFIG_PSI "
                    + "enabled for your kernel");
            throw new NoDataException("no /proc/pressure files");
        }
    }

    /** µs to s in two steps, as node_exporter computes it, so the values agree to the last bit. */
    private static void seconds(MetricSink sink, String name, String help, PsiLine line) {
        sink.counter(name, help).add(unsigned(line.totalMicroseconds()) / 1000.0 / 1000.0);
    }

    private static double unsigned(long v) {
        return v >= 0 ? v : dev.nodepulse.procfs.io.Numbers.unsignedToDouble(v);
    }
}
