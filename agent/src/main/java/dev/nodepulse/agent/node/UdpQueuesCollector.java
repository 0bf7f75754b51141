package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.agent.collector.NoDataException;
import dev.nodepulse.metrics.Family;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.Numbers;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.proc.net.UdpQueues;
import dev.nodepulse.procfs.proc.net.UdpQueuesParser;
import java.nio.file.NoSuchFileException;

/** Bytes queued on UDP sockets, summed over /proc/net/udp (v4) and /proc/net/udp6 (v6). */
public final class UdpQueuesCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("udp_queues", true,
            ctx -> new UdpQueuesCollector(ctx.paths()));

    private final HostPaths paths;

    public UdpQueuesCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        Family queues = sink.gauge("node_udp_queues",
                "Number of allocated memory in the kernel for UDP datagrams in bytes.", "queue", "ip");
        boolean v4 = add(queues, "udp", "v4");
        boolean v6 = add(queues, "udp6", "v6");
        if (!v4 && !v6) {
            throw new NoDataException("neither /proc/net/udp nor /proc/net/udp6 exists");
        }
    }

    /** False when the file does not exist (no IPv6 on the host, say); a broken file is an error. */
    private boolean add(Family queues, String file, String ip) throws Exception {
        String text;
        try {
            text = SmallFiles.read(paths.proc("net", file));
        } catch (NoSuchFileException e) {
            return false;
        }
        UdpQueues q = UdpQueuesParser.parse(text, "/proc/net/" + file);
        queues.add(Numbers.unsignedToDouble(q.txQueueBytes()), "tx", ip);
        queues.add(Numbers.unsignedToDouble(q.rxQueueBytes()), "rx", ip);
        return true;
    }
}
