package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorContext;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.cli.Flag;
import dev.nodepulse.log.Log;
import dev.nodepulse.metrics.Family;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.natives.Sysconf;
import dev.nodepulse.procfs.proc.CpuInfo;
import dev.nodepulse.procfs.proc.CpuTimes;
import dev.nodepulse.procfs.proc.CpuinfoParser;
import dev.nodepulse.procfs.proc.ProcStatParser;
import dev.nodepulse.procfs.sys.CpuOnline;
import dev.nodepulse.procfs.sys.CpuOnlineReader;
import dev.nodepulse.procfs.sys.CpuRange;
import dev.nodepulse.procfs.sys.CpuThrottleReader;
import dev.nodepulse.procfs.sys.CpuThrottles;
import dev.nodepulse.procfs.sys.SystemCpuDirs;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * node_exporter's cpu collector: time per mode from the per-CPU lines of /proc/stat, and, from /proc/cpuinfo
 * and /sys/devices/system/cpu, CPU identity, flags and bugs, frequency, thermal throttling, isolation and
 * hot-plug state.
 */
public final class CpuCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("cpu", true, CpuCollector::create,
            Flag.bool("collector.cpu.guest", true, "Enables metric node_cpu_guest_seconds_total"),
            Flag.bool("collector.cpu.info", false, "Enables metric cpu_info"),
            Flag.regex("collector.cpu.info.flags-include", "",
                    "Filter the `flags` field in cpuInfo with a value that must be a regular expression"),
            Flag.regex("collector.cpu.info.bugs-include", "",
                    "Filter the `bugs` field in cpuInfo with a value that must be a regular expression"));

    private static final Log LOG = Log.get(CpuCollector.class);

    /** An idle counter falling back by this much means the CPU was hot-plugged: start it afresh. */
    private static final double JUMP_BACK_SECONDS = 3.0;

    /** What the collector publishes besides /proc/stat, fixed at start-up from the flags. */
    public record Options(boolean guest, boolean info, Pattern flagsInclude, Pattern bugsInclude,
                          boolean cpufreqEnabled, CpuinfoParser.Format cpuinfoFormat) {}

    private final HostPaths paths;
    private final Options options;
    /** Read once at start-up as node_exporter does (isolcpus= is a boot parameter); null when absent. */
    private final List<Integer> isolated;
    /** Last published values per CPU; the kernel's counters can step back by a tick, Prometheus' must not. */
    private final Map<Integer, CpuTimes> last = new HashMap<>();

    public CpuCollector(HostPaths paths, Options options, List<Integer> isolated) {
        this.paths = paths;
        this.options = options;
        this.isolated = isolated == null ? null : List.copyOf(isolated);
    }

    Options options() {
        return options;
    }

    static CpuCollector create(CollectorContext ctx) {
        Pattern flags = ctx.pattern("info.flags-include");
        Pattern bugs = ctx.pattern("info.bugs-include");
        boolean info = ctx.bool("info");
        if ((flags != null || bugs != null) && !info) {
            info = true;
            LOG.info("--collector.cpu.info has been set to `true` because you set the following flags, like "
                    + "--collector.cpu.info.flags-include and --collector.cpu.info.bugs-include");
        }
        Options o = new Options(ctx.bool("guest"), info, flags, bugs, ctx.collectorEnabled("cpufreq"),
                CpuinfoParser.Format.current());
        return new CpuCollector(ctx.paths(), o, readIsolated(ctx.paths()));
    }

    /**
     * /sys/devices/system/cpu/isolated, or null without one. A file that is there but cannot be read or
     * parsed stops the start, as it does node_exporter's.
     */
    static List<Integer> readIsolated(HostPaths paths) {
        Path file = SystemCpuDirs.root(paths.sysfs()).resolve("isolated");
        try {
            return CpuRange.parse(SmallFiles.read(file), file.toString());
        } catch (NoSuchFileException e) {
            LOG.debug("couldn't open isolated file", "error", e.getMessage());
            return null;
        } catch (IOException e) {
            throw new IllegalArgumentException("unable to get isolated cpus: " + e.getMessage(), e);
        }
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        if (options.info()) {
            updateInfo(sink);
        }
        updateStat(sink);
        if (isolated != null) {
            Family f = sink.gauge("node_cpu_isolated",
                    "Whether each core is isolated, information from /sys/devices/system/cpu/isolated.", "cpu");
            for (int cpu : isolated) {
                f.add(1, Integer.toString(cpu));
            }
        }
        updateThrottles(sink);
        updateOnline(sink);
    }

    private void updateInfo(MetricSink sink) throws IOException {
        List<CpuInfo> cpus = CpuinfoParser.parse(SmallFiles.read(paths.proc("cpuinfo")), options.cpuinfoFormat());
        Family info = sink.gauge("node_cpu_info", "CPU information from /proc/cpuinfo.", "package", "core", "cpu",
                "vendor", "family", "model", "model_name", "microcode", "stepping", "cachesize");
        for (CpuInfo c : cpus) {
            info.add(1, c.physicalId(), c.coreId(), Long.toString(c.processor()), c.vendorId(), c.cpuFamily(),
                    c.model(), c.modelName(), c.microcode(), c.stepping(), c.cacheSize());
        }
        if (options.cpufreqEnabled()) {
            // node_exporter pairs this family with cpufreq: without it the value is not wanted at all.
            Family freq = sink.gauge("node_cpu_frequency_hertz", "CPU frequency in hertz from /proc/cpuinfo.",
                    "package", "core", "cpu");
            for (CpuInfo c : cpus) {
                freq.add(c.cpuMHz() * 1e6, c.physicalId(), c.coreId(), Long.toString(c.processor()));
            }
        }
        if (!cpus.isEmpty()) {
            CpuInfo first = cpus.get(0);
            fieldInfo(sink, first.flags(), options.flagsInclude(), "node_cpu_flag_info",
                    "The `flags` field of CPU information from /proc/cpuinfo taken from the first core.", "flag");
            fieldInfo(sink, first.bugs(), options.bugsInclude(), "node_cpu_bug_info",
                    "The `bugs` field of CPU information from /proc/cpuinfo taken from the first core.", "bug");
        }
    }

    private static void fieldInfo(MetricSink sink, List<String> values, Pattern include, String name, String help,
                                  String label) {
        if (include == null) {
            return;
        }
        Family f = sink.gauge(name, help, label);
        for (String v : values) {
            if (include.matcher(v).find()) {
                f.add(1, v);
            }
        }
    }

    private void updateStat(MetricSink sink) throws IOException {
        var stat = ProcStatParser.parse(SmallFiles.read(paths.proc("stat")), Sysconf.clockTicks());
        Map<Integer, CpuTimes> now = new TreeMap<>();
        for (CpuTimes t : stat.cpus()) {
            now.put(t.cpu(), monotonic(last.get(t.cpu()), t));
        }
        last.keySet().retainAll(now.keySet());
        last.putAll(now);

        Family seconds = sink.counter("node_cpu_seconds_total", "Seconds the CPUs spent in each mode.", "cpu", "mode");
        Family guestSeconds = options.guest()
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

    private void updateThrottles(MetricSink sink) throws IOException {
        CpuThrottles t = CpuThrottleReader.read(paths.sysfs());
        Family pkg = sink.counter("node_cpu_package_throttles_total",
                "Number of times this CPU package has been throttled.", "package");
        t.packageThrottles().forEach((id, count) -> pkg.add(count, Long.toString(id)));
        Family core = sink.counter("node_cpu_core_throttles_total", "Number of times this CPU core has been throttled.",
                "package", "core");
        t.coreThrottles().forEach((p, cores) -> cores.forEach((id, count) ->
                core.add(count, Long.toString(p), Long.toString(id))));
    }

    private void updateOnline(MetricSink sink) throws IOException {
        List<CpuOnline> cpus = CpuOnlineReader.read(paths.sysfs());
        Family f = sink.gauge("node_cpu_online", "CPUs that are online and being scheduled.", "cpu");
        for (CpuOnline c : cpus) {
            f.add(c.online() ? 1 : 0, c.cpu());
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
