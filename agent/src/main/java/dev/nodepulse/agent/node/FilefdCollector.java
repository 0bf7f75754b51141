package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.proc.FileNr;
import dev.nodepulse.procfs.proc.FileNrParser;
import java.io.IOException;

/** Allocated and maximum file handles from /proc/sys/fs/file-nr. */
public final class FilefdCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("filefd", true,
            ctx -> new FilefdCollector(ctx.paths()));

    private final HostPaths paths;

    public FilefdCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        FileNr n;
        try {
            n = FileNrParser.parse(SmallFiles.read(paths.proc("sys/fs/file-nr")));
        } catch (IOException e) {
            throw new IOException("couldn't get file-nr: " + e.getMessage(), e);
        }
        sink.gauge("node_filefd_allocated", "File descriptor statistics: allocated.").add(n.allocated());
        sink.gauge("node_filefd_maximum", "File descriptor statistics: maximum.").add(n.maximum());
    }
}
