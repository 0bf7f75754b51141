package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.agent.collector.NoDataException;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.Numbers;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.proc.KernelHungParser;
import java.nio.file.NoSuchFileException;

/** node_kernel_hung_tasks_total from /proc/sys/kernel/hung_task_detect_count (needs CONFIG_DETECT_HUNG_TASK). */
public final class KernelHungCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("kernel_hung", true,
            ctx -> new KernelHungCollector(ctx.paths()));

    private final HostPaths paths;

    public KernelHungCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        String text;
        try {
            text = SmallFiles.read(paths.proc("sys", "kernel", "hung_task_detect_count"));
        } catch (NoSuchFileException e) {
            throw new NoDataException("hung_task_detect_count does not exist");
        }
        sink.counter("node_kernel_hung_tasks_total",
                "Total number of tasks that have been detected as hung since the system booted.")
                .add(Numbers.unsignedToDouble(KernelHungParser.parse(text)));
    }
}
