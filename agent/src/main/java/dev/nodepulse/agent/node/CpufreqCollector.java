package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.sys.Cpufreq;
import dev.nodepulse.procfs.sys.CpufreqReader;
import dev.nodepulse.procfs.sys.SystemCpuDirs;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** CPU frequencies and the scaling governor from /sys/devices/system/cpu/cpu*&#47;cpufreq, in hertz. */
public final class CpufreqCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("cpufreq", true,
            ctx -> new CpufreqCollector(ctx.paths()));

    /** From this many CPUs on, reads run in parallel: a frequency read can take the kernel milliseconds per CPU. */
    private static final int PARALLEL_FROM = 4;
    private static final int MAX_THREADS = 8;

    private final HostPaths paths;
    private ExecutorService pool;
    private boolean poolDecided;

    public CpufreqCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        List<Cpufreq> cpus = CpufreqReader.read(paths.sysfs(), pool());
        // sysfs prints kHz
        for (Cpufreq c : cpus) {
            hertz(sink, "node_cpu_frequency_hertz", "Current CPU thread frequency in hertz.", c.cpuinfoCurKHz(), c);
            hertz(sink, "node_cpu_frequency_avg_hertz", "Average CPU thread frequency in hertz.", c.cpuinfoAvgKHz(), c);
            hertz(sink, "node_cpu_frequency_min_hertz", "Minimum CPU thread frequency in hertz.", c.cpuinfoMinKHz(), c);
            hertz(sink, "node_cpu_frequency_max_hertz", "Maximum CPU thread frequency in hertz.", c.cpuinfoMaxKHz(), c);
            hertz(sink, "node_cpu_scaling_frequency_hertz", "Current scaled CPU thread frequency in hertz.",
                    c.scalingCurKHz(), c);
            hertz(sink, "node_cpu_scaling_frequency_min_hertz", "Minimum scaled CPU thread frequency in hertz.",
                    c.scalingMinKHz(), c);
            hertz(sink, "node_cpu_scaling_frequency_max_hertz", "Maximum scaled CPU thread frequency in hertz.",
                    c.scalingMaxKHz(), c);
            if (!c.governor().isEmpty()) {
                var f = sink.gauge("node_cpu_scaling_governor", "Current enabled CPU frequency governor.",
                        "cpu", "governor");
                // split on single blanks, as node_exporter does: each listed governor is one series
                for (String g : c.availableGovernors().split(" ", -1)) {
                    f.add(g.equals(c.governor()) ? 1 : 0, c.cpu(), g);
                }
            }
        }
    }

    private static void hertz(MetricSink sink, String name, String help, OptionalLong kHz, Cpufreq c) {
        if (kHz.isPresent()) {
            sink.gauge(name, help, "cpu").add(kHz.getAsLong() * 1000.0, c.cpu());
        }
    }

    /** A small pool for hosts with many CPUs, made on first need; its threads end when idle. */
    private ExecutorService pool() throws java.io.IOException {
        if (poolDecided) {
            return pool;
        }
        poolDecided = true;
        int cpus = SystemCpuDirs.list(paths.sysfs()).size();
        if (cpus < PARALLEL_FROM) {
            return null;
        }
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor p = new ThreadPoolExecutor(Math.min(cpus, MAX_THREADS), Math.min(cpus, MAX_THREADS),
                30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "cpufreq-read-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        p.allowCoreThreadTimeOut(true);
        pool = p;
        return pool;
    }
}
