package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.log.Log;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.natives.Sysconf;
import dev.nodepulse.procfs.proc.Sockstat;
import dev.nodepulse.procfs.proc.SockstatParser;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.OptionalLong;

/**
 * /proc/net/sockstat and /proc/net/sockstat6 as {@code node_sockstat_<PROTO>_<field>} gauges; either file
 * may be absent (IPv4 or IPv6 off), which is not an error. {@code mem} counts pages, so {@code mem_bytes} is
 * multiplied by the real page size.
 */
public final class SockstatCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("sockstat", true,
            ctx -> new SockstatCollector(ctx.paths(), Sysconf.pageSize()));

    private static final Log LOG = Log.get(SockstatCollector.class);

    /** The fields node_exporter publishes, in its order; others in the file are ignored. */
    static final List<String> FIELDS = List.of("inuse", "orphan", "tw", "alloc", "mem", "memory");

    private final HostPaths paths;
    private final long pageSize;

    public SockstatCollector(HostPaths paths, long pageSize) {
        this.paths = paths;
        this.pageSize = pageSize;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        Sockstat v4 = read("net/sockstat", "IPv4");
        Sockstat v6 = read("net/sockstat6", "IPv6");
        if (v4 != null) {
            if (v4.used().isPresent()) {
                sink.gauge("node_sockstat_sockets_used", "Number of IPv4 sockets in use.").add(v4.used().getAsLong());
            }
            publish(sink, v4);
        }
        if (v6 != null) {
            publish(sink, v6);
        }
    }

    private void publish(MetricSink sink, Sockstat s) {
        for (Sockstat.Protocol p : s.protocols()) {
            for (String field : FIELDS) {
                OptionalLong v = p.get(field);
                // inuse is always published (0 when the line lacks it), the others only when present.
                if (v.isPresent() || field.equals("inuse")) {
                    gauge(sink, p.name(), field, v.orElse(0));
                }
            }
            OptionalLong mem = p.get("mem");
            if (mem.isPresent()) {
                gauge(sink, p.name(), "mem_bytes", mem.getAsLong() * pageSize);
            }
        }
    }

    private static void gauge(MetricSink sink, String protocol, String field, long value) {
        sink.gauge("node_sockstat_" + protocol + "_" + field,
                "Number of " + protocol + " sockets in state " + field + ".").add(value);
    }

    private Sockstat read(String file, String family) throws IOException {
        try {
            return SockstatParser.parse(SmallFiles.read(paths.proc(file)), paths.proc(file).toString());
        } catch (NoSuchFileException e) {
            LOG.debug(family + " sockstat statistics not found, skipping");
            return null;
        } catch (IOException e) {
            throw new IOException("failed to get " + family + " sockstat data: " + e.getMessage(), e);
        }
    }
}
