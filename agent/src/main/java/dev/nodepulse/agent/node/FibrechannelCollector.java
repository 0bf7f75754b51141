package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.agent.collector.NoDataException;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.Numbers;
import dev.nodepulse.procfs.sys.fibrechannel.FcHost;
import dev.nodepulse.procfs.sys.fibrechannel.FcHostReader;
import java.nio.file.NoSuchFileException;
import java.util.List;

/**
 * Fibre Channel host attributes and statistics from /sys/class/fc_host. A counter reading all ones is one
 * the driver does not maintain and is left out, as is one the driver does not expose at all.
 */
public final class FibrechannelCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("fibrechannel", true,
            ctx -> new FibrechannelCollector(ctx.paths()));

    private final HostPaths paths;

    public FibrechannelCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        List<FcHost> hosts;
        try {
            hosts = FcHostReader.read(paths.sys("class", "fc_host"));
        } catch (NoSuchFileException e) {
            throw new NoDataException("fibrechannel statistics not found");
        }
        for (FcHost h : hosts) {
            sink.gauge("node_fibrechannel_info", "Non-numeric data from /sys/class/fc_host/<host>, value is always 1.",
                    "fc_host", "speed", "port_state", "port_type", "port_id", "port_name", "fabric_name",
                    "symbolic_name", "supported_classes", "supported_speeds", "dev_loss_tmo")
                    .add(1, h.name(), s(h.speed()), s(h.portState()), s(h.portType()), s(h.portId()), s(h.portName()),
                            s(h.fabricName()), s(h.symbolicName()), s(h.supportedClasses()), s(h.supportedSpeeds()),
                            s(h.devLossTmo()));
            FcHost.Counters c = h.counters();
            counter(sink, "dumped_frames_total", "Number of dumped frames", c.dumpedFrames(), h);
            counter(sink, "error_frames_total", "Number of errors in frames", c.errorFrames(), h);
            counter(sink, "invalid_crc_total", "Invalid Cyclic Redundancy Check count", c.invalidCrcCount(), h);
            counter(sink, "rx_frames_total", "Number of frames received", c.rxFrames(), h);
            counter(sink, "rx_words_total", "Number of words received by host port", c.rxWords(), h);
            counter(sink, "tx_frames_total", "Number of frames transmitted by host port", c.txFrames(), h);
            counter(sink, "tx_words_total", "Number of words transmitted by host port", c.txWords(), h);
            counter(sink, "seconds_since_last_reset_total", "Number of seconds since last host port reset",
                    c.secondsSinceLastReset(), h);
            counter(sink, "invalid_tx_words_total", "Number of invalid words transmitted by host port",
                    c.invalidTxWordCount(), h);
            counter(sink, "link_failure_total", "Number of times the host port link has failed", c.linkFailureCount(), h);
            counter(sink, "loss_of_sync_total", "Number of failures on either bit or transmission word boundaries",
                    c.lossOfSyncCount(), h);
            counter(sink, "loss_of_signal_total", "Number of times signal has been lost", c.lossOfSignalCount(), h);
            counter(sink, "nos_total", "Number Not_Operational Primitive Sequence received by host port",
                    c.nosCount(), h);
            counter(sink, "fcp_packet_aborts_total", "Number of aborted packets", c.fcpPacketAborts(), h);
        }
    }

    private static void counter(MetricSink sink, String name, String help, Long value, FcHost h) {
        if (value == null || value == -1L) {
            return;
        }
        sink.counter("node_fibrechannel_" + name, help, "fc_host").add(Numbers.unsignedToDouble(value), h.name());
    }

    private static String s(String v) {
        return v == null ? "" : v;
    }
}
