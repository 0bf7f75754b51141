package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.agent.collector.DeviceFilter;
import dev.nodepulse.cli.Flag;
import dev.nodepulse.log.Log;
import dev.nodepulse.metrics.Family;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.proc.Interrupts;
import dev.nodepulse.procfs.proc.InterruptsParser;

/**
 * Per-CPU interrupt counts of /proc/interrupts as node_interrupts_total{cpu,type,info,devices}. The name
 * filters match "type;info;devices"; their help calls them mutually exclusive but node_exporter applies
 * both when both are given, and so does this.
 */
public final class InterruptsCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("interrupts", false,
            ctx -> new InterruptsCollector(ctx.paths(),
                    new DeviceFilter(ctx.pattern("name-include"), ctx.pattern("name-exclude")),
                    ctx.bool("include-zeros")),
            Flag.regex("collector.interrupts.name-include", "",
                    "Regexp of interrupts name to include (mutually exclusive to --collector.interrupts.name-exclude)."),
            Flag.regex("collector.interrupts.name-exclude", "",
                    "Regexp of interrupts name to exclude (mutually exclusive to --collector.interrupts.name-include)."),
            Flag.bool("collector.interrupts.include-zeros", true, "Include interrupts that have a zero value"));

    private static final Log LOG = Log.get(InterruptsCollector.class);

    private final HostPaths paths;
    private final DeviceFilter filter;
    private final boolean includeZeros;

    public InterruptsCollector(HostPaths paths, DeviceFilter filter, boolean includeZeros) {
        this.paths = paths;
        this.filter = filter;
        this.includeZeros = includeZeros;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        Interrupts interrupts;
        try {
            interrupts = InterruptsParser.parse(SmallFiles.read(paths.proc("interrupts")));
        } catch (java.io.IOException e) {
            throw new java.io.IOException("couldn't get interrupts: " + e.getMessage(), e);
        }
        Family f = sink.counter("node_interrupts_total", "Interrupt details.", "cpu", "type", "info", "devices");
        for (Interrupts.Interrupt irq : interrupts.interrupts()) {
            String filterName = irq.name() + ";" + irq.info() + ";" + irq.devices();
            if (filter.ignored(filterName)) {
                LOG.debug("ignoring interrupt name", "filter_name", filterName);
                continue;
            }
            for (int cpu = 0; cpu < irq.counts().size(); cpu++) {
                double v;
                try {
                    v = Double.parseDouble(irq.counts().get(cpu));
                } catch (NumberFormatException e) {
                    throw new java.io.IOException("invalid value " + irq.counts().get(cpu) + " in interrupts");
                }
                if (!includeZeros && v == 0.0) {
                    continue;
                }
                f.add(v, Integer.toString(cpu), irq.name(), irq.info(), irq.devices());
            }
        }
    }
}
