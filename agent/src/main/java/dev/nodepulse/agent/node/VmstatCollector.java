package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.cli.Flag;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.proc.Vmstat;
import dev.nodepulse.procfs.proc.VmstatParser;
import java.util.regex.Pattern;

/**
 * /proc/vmstat lines whose name --collector.vmstat.fields matches, as untyped {@code node_vmstat_<name>}
 * with the kernel's value unchanged (pgpgin/pgpgout stay in KiB, as in node_exporter).
 */
public final class VmstatCollector implements Collector {

    static final String DEFAULT_FIELDS = "^(oom_kill|pgpg|pswp|pg.*fault).*";

    public static final CollectorSpec SPEC = CollectorSpec.of("vmstat", true,
            ctx -> new VmstatCollector(ctx.paths(), ctx.pattern("fields")),
            Flag.regex("collector.vmstat.fields", DEFAULT_FIELDS, "Regexp of fields to return for vmstat collector."));

    private final HostPaths paths;
    /** Null when the flag is empty, which matches every field. */
    private final Pattern fields;

    public VmstatCollector(HostPaths paths, Pattern fields) {
        this.paths = paths;
        this.fields = fields;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        Vmstat v = VmstatParser.parse(SmallFiles.read(paths.proc("vmstat")));
        for (Vmstat.Entry e : v.entries()) {
            if (fields == null || fields.matcher(e.name()).find()) {
                sink.untyped("node_vmstat_" + e.name(), "/proc/vmstat information field " + e.name() + ".")
                        .add(e.value());
            }
        }
    }
}
