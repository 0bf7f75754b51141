package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.Numbers;
import dev.nodepulse.procfs.io.SmallFiles;
import java.nio.file.Path;
import java.util.List;

/** Kernel same-page merging state from /sys/kernel/mm/ksm (node_ksmd_*). Every file must be readable. */
public final class KsmdCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("ksmd", false, ctx -> new KsmdCollector(ctx.paths()));

    static final List<String> FILES = List.of("full_scans", "merge_across_nodes", "pages_shared", "pages_sharing",
            "pages_to_scan", "pages_unshared", "pages_volatile", "run", "sleep_millisecs");

    private final HostPaths paths;

    public KsmdCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        for (String file : FILES) {
            Path p = paths.sys("kernel", "mm", "ksm", file);
            double v = Numbers.parseUnsigned(SmallFiles.readTrimmed(p), p.toString());
            String help = "ksmd '" + file + "' file.";
            switch (file) {
                case "full_scans" -> sink.counter("node_ksmd_full_scans_total", help).add(v);
                case "sleep_millisecs" -> sink.gauge("node_ksmd_sleep_seconds", help).add(v / 1000);
                default -> sink.gauge("node_ksmd_" + file, help).add(v);
            }
        }
    }
}
