package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.natives.Uname;

/**
 * node_uname_info from uname(2). No path flag applies: in a container it shows the host's kernel, but the
 * container's host and domain name unless the pod shares the host's UTS namespace, as node_exporter does.
 */
public final class UnameCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("uname", true, ctx -> new UnameCollector());

    @Override
    public void update(MetricSink sink) throws Exception {
        publish(sink, Uname.uname());
    }

    static void publish(MetricSink sink, Uname.Result u) {
        sink.gauge("node_uname_info", "Labeled system information as provided by the uname system call.",
                        "sysname", "release", "version", "machine", "nodename", "domainname")
                .add(1, u.sysname(), u.release(), u.version(), u.machine(), u.nodename(), u.domainname());
    }
}
