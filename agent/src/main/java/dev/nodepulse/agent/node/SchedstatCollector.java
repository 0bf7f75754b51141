package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.agent.collector.NoDataException;
import dev.nodepulse.log.Log;
import dev.nodepulse.metrics.Family;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.proc.SchedstatCpu;
import dev.nodepulse.procfs.proc.SchedstatParser;
import java.nio.file.NoSuchFileException;

/** Per-CPU scheduler run and wait time from /proc/schedstat (needs CONFIG_SCHEDSTATS). */
public final class SchedstatCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("schedstat", true,
            ctx -> new SchedstatCollector(ctx.paths()));

    private static final Log LOG = Log.get(SchedstatCollector.class);
    private static final double NS_PER_SEC = 1e9;

    private final HostPaths paths;

    public SchedstatCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        String text;
        try {
            text = SmallFiles.read(paths.proc("schedstat"));
        } catch (NoSuchFileException e) {
            LOG.debug("schedstat file does not exist");
            throw new NoDataException("no " + e.getMessage());
        }
        Family running = sink.counter("node_schedstat_running_seconds_total",
                "Number of seconds CPU spent running a process.", "cpu");
        Family waiting = sink.counter("node_schedstat_waiting_seconds_total",
                "Number of seconds spent by processing waiting for this CPU.", "cpu");
        Family slices = sink.counter("node_schedstat_timeslices_total", "Number of timeslices executed by CPU.", "cpu");
        for (SchedstatCpu c : SchedstatParser.parse(text)) {
            running.add(c.runningNanoseconds() / NS_PER_SEC, c.cpu());
            waiting.add(c.waitingNanoseconds() / NS_PER_SEC, c.cpu());
            slices.add(c.timeslices(), c.cpu());
        }
    }
}
