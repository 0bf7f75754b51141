package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.agent.collector.NoDataException;
import dev.nodepulse.cli.Flag;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.Numbers;
import dev.nodepulse.procfs.sys.tape.TapeStats;
import dev.nodepulse.procfs.sys.tape.TapeStatsReader;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.regex.Pattern;

/** SCSI tape drive statistics from /sys/class/scsi_tape/st*&#47;stats. */
public final class TapestatsCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("tapestats", true,
            ctx -> new TapestatsCollector(ctx.paths(), Pattern.compile(ctx.string("ignored-devices"))),
            Flag.regex("collector.tapestats.ignored-devices", "^$", "Regexp of devices to ignore for tapestats."));

    private static final double NANOSECONDS = 0.000000001;

    private final HostPaths paths;
    private final Pattern ignored;

    public TapestatsCollector(HostPaths paths, Pattern ignored) {
        this.paths = paths;
        this.ignored = ignored;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        List<TapeStats> tapes;
        try {
            tapes = TapeStatsReader.read(paths.sys("class", "scsi_tape"));
        } catch (NoSuchFileException e) {
            throw new NoDataException("scsi_tape stats not found");
        }
        for (TapeStats t : tapes) {
            if (ignored.matcher(t.name()).find()) {
                continue;
            }
            String d = t.name();
            sink.gauge("node_tape_io_now", "The number of I/Os currently outstanding to this device.", "device")
                    .add(u(t.inFlight()), d);
            sink.counter("node_tape_io_time_seconds_total", "The amount of time spent waiting for all I/O to complete "
                    + "(including read and write). This includes tape movement commands such as seeking between file or "
                    + "set marks and implicit tape movement such as when rewind on close tape devices are used.",
                    "device").add(u(t.ioNs()) * NANOSECONDS, d);
            sink.counter("node_tape_io_others_total", "The number of I/Os issued to the tape drive other than read or "
                    + "write commands. The time taken to complete these commands uses the following calculation "
                    + "io_time_seconds_total-read_time_seconds_total-write_time_seconds_total", "device")
                    .add(u(t.otherCount()), d);
            sink.counter("node_tape_read_bytes_total", "The number of bytes read from the tape drive.", "device")
                    .add(u(t.readBytes()), d);
            sink.counter("node_tape_reads_completed_total", "The number of read requests issued to the tape drive.",
                    "device").add(u(t.readCount()), d);
            sink.counter("node_tape_read_time_seconds_total",
                    "The amount of time spent waiting for read requests to complete.", "device")
                    .add(u(t.readNs()) * NANOSECONDS, d);
            sink.counter("node_tape_residual_total", "The number of times during a read or write we found the residual "
                    + "amount to be non-zero. This should mean that a program is issuing a read larger thean the block "
                    + "size on tape. For write not all data made it to tape.", "device").add(u(t.residualCount()), d);
            sink.counter("node_tape_written_bytes_total", "The number of bytes written to the tape drive.", "device")
                    .add(u(t.writeBytes()), d);
            sink.counter("node_tape_writes_completed_total", "The number of write requests issued to the tape drive.",
                    "device").add(u(t.writeCount()), d);
            sink.counter("node_tape_write_time_seconds_total",
                    "The amount of time spent waiting for write requests to complete.", "device")
                    .add(u(t.writeNs()) * NANOSECONDS, d);
        }
    }

    private static double u(long v) {
        return Numbers.unsignedToDouble(v);
    }
}
