package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.cli.Flag;
import dev.nodepulse.log.Log;
import dev.nodepulse.metrics.Family;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.natives.Sysconf;
import dev.nodepulse.procfs.proc.CpuTimes;
import dev.nodepulse.procfs.proc.ProcStatParser;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** node_cpu_seconds_total and node_cpu_guest_seconds_total from the per-CPU lines of /proc/stat. */
public final class CpuCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("cpu", true,
            ctx -> new CpuCollector(ctx.paths(), ctx.bool("guest")),
            Flag.bool("collector.cpu.guest", true, "Enables metric node_cpu_guest_seconds_total."));

    private static final Log LOG = Log.get(CpuCollector.class);

    /** An idle counter falling back by this much means the CPU was hot-plugged: start it afresh. */
    private static final double JUMP_BACK_SECONDS = 3.0;

    private final HostPaths paths;
    private final boolean guest;
    /** Last published values per CPU; the kernel's counters can step back by a tick, Prometheus' must not. */
    private final Map<Integer, CpuTimes> last = new HashMap<>();

    public CpuCollector(HostPaths paths, boolean guest) {
        this.paths = paths;
        this.guest = guest;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        var stat = ProcStatParser.parse(SmallFiles.read(paths.proc("stat")), Sysconf.clockTicks());
        Map<Integer, CpuTimes> now = new TreeMap<>();
        for (CpuTimes t : stat.cpus()) {
            now.put(t.cpu(), monotonic(last.get(t.cpu()), t));
        }
        last.keySet().retainAll(now.keySet());
        last.putAll(now);

        Family seconds = sink.counter("node_cpu_seconds_total", "Seconds the CPUs spent in each mode.", "cpu", "mode");
        Family guestSeconds = guest
                ? sink.counter("node_cpu_guest_seconds_total", "Seconds the CPUs spent in guests (VMs) for each mode.",
                        "cpu", "mode")
                : null;
        for (CpuTimes t : now.values()) {
            String cpu = Integer.toString(t.cpu());
            seconds.add(t.user(), cpu, "user");
            seconds.add(t.nice(), cpu, "nice");
            seconds.add(t.system(), cpu, "system");
            seconds.add(t.idle(), cpu, "idle");
            seconds.add(t.iowait(), cpu, "iowait");
            seconds.add(t.irq(), cpu, "irq");
            seconds.add(t.softirq(), cpu, "softirq");
            seconds.add(t.steal(), cpu, "steal");
            if (guestSeconds != null) {
                // Guest time is also counted in user and nice; node_exporter publishes it apart, as do we.
                guestSeconds.add(t.guest(), cpu, "user");
                guestSeconds.add(t.guestNice(), cpu, "nice");
            }
        }
    }

    static CpuTimes monotonic(CpuTimes prev, CpuTimes n) {
        if (prev == null) {
            return n;
        }
        if (prev.idle() - n.idle() >= JUMP_BACK_SECONDS) {
            LOG.debug("CPU Idle counter jumped backwards more than 3s, possible hotplug event, resetting CPU stats",
                    "cpu", n.cpu(), "old_value", prev.idle(), "new_value", n.idle());
            return n;
        }
        return new CpuTimes(n.cpu(), Math.max(prev.user(), n.user()), Math.max(prev.nice(), n.nice()),
                Math.max(prev.system(), n.system()), Math.max(prev.idle(), n.idle()),
                Math.max(prev.iowait(), n.iowait()), Math.max(prev.irq(), n.irq()),
                Math.max(prev.softirq(), n.softirq()), Math.max(prev.steal(), n.steal()),
                Math.max(prev.guest(), n.guest()), Math.max(prev.guestNice(), n.guestNice()));
    }
}
