package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.cli.Flag;
import dev.nodepulse.metrics.Family;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.natives.Sysconf;
import dev.nodepulse.procfs.proc.ProcStat;
import dev.nodepulse.procfs.proc.ProcStatParser;
import java.util.List;

/** Kernel-wide counters of /proc/stat: boot time, context switches, forks, interrupts, softirqs. */
public final class StatCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("stat", true,
            ctx -> new StatCollector(ctx.paths(), ctx.bool("softirq")),
            Flag.bool("collector.stat.softirq", false, "Export softirq calls per vector."));

    /** The softirq vectors in the order the kernel prints them (include/linux/interrupt.h). */
    static final List<String> SOFTIRQ_VECTORS = List.of(
            "hi", "timer", "net_tx", "net_rx", "block", "block_iopoll", "tasklet", "sched", "hrtimer", "rcu");

    private final HostPaths paths;
    private final boolean softirq;

    public StatCollector(HostPaths paths, boolean softirq) {
        this.paths = paths;
        this.softirq = softirq;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        ProcStat s = ProcStatParser.parse(SmallFiles.read(paths.proc("stat")), Sysconf.clockTicks());
        addIfPresent(sink.counter("node_intr_total", "Total number of interrupts serviced."), s.interrupts());
        addIfPresent(sink.counter("node_context_switches_total", "Total number of context switches."), s.contextSwitches());
        addIfPresent(sink.counter("node_forks_total", "Total number of forks."), s.processesCreated());
        addIfPresent(sink.gauge("node_boot_time_seconds", "Node boot time, in unixtime."), s.bootTime());
        addIfPresent(sink.gauge("node_procs_running", "Number of processes in runnable state."), s.processesRunning());
        addIfPresent(sink.gauge("node_procs_blocked", "Number of processes blocked waiting for I/O to complete."),
                s.processesBlocked());
        if (softirq) {
            Family f = sink.counter("node_softirqs_total", "Number of softirq calls.", "vector");
            for (int i = 0; i < s.softirqs().size() && i < SOFTIRQ_VECTORS.size(); i++) {
                f.add(s.softirqs().get(i), SOFTIRQ_VECTORS.get(i));
            }
        }
    }

    private static void addIfPresent(Family f, double v) {
        if (v >= 0) {
            f.add(v);
        }
    }
}
