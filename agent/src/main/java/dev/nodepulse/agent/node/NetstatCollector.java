package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.cli.Flag;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.proc.NetStats;
import dev.nodepulse.procfs.proc.NetstatParser;
import dev.nodepulse.procfs.proc.Snmp6Parser;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Protocol counters of /proc/net/netstat, /proc/net/snmp and /proc/net/snmp6 (absent when IPv6 is off) as
 * untyped {@code node_netstat_<Proto>_<Name>}, for the names --collector.netstat.fields matches. These files
 * belong to the reading process's network namespace: run with the host's network (hostNetwork) to see the
 * node's counters.
 */
public final class NetstatCollector implements Collector {

    static final String DEFAULT_FIELDS = "^(.*_(InErrors|InErrs)|Ip_Forwarding|Ip(6|Ext)_(InOctets|OutOctets)"
            + "|Icmp6?_(InMsgs|OutMsgs)|TcpExt_(Listen.*|Syncookies.*|TCPSynRetrans|TCPTimeouts|TCPOFOQueue"
            + "|TCPRcvQDrop)|Tcp_(ActiveOpens|InSegs|OutSegs|OutRsts|PassiveOpens|RetransSegs|CurrEstab)"
            + "|Udp6?_(InDatagrams|OutDatagrams|NoPorts|RcvbufErrors|SndbufErrors))$";

    public static final CollectorSpec SPEC = CollectorSpec.of("netstat", true,
            ctx -> new NetstatCollector(ctx.paths(), ctx.pattern("fields")),
            Flag.regex("collector.netstat.fields", DEFAULT_FIELDS, "Regexp of fields to return for netstat collector."));

    private final HostPaths paths;
    /** Null when the flag is empty, which (like an empty Go regexp) matches every field. */
    private final Pattern fields;

    public NetstatCollector(HostPaths paths, Pattern fields) {
        this.paths = paths;
        this.fields = fields;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        NetStats stats = read("net/netstat", "couldn't get netstats")
                .merge(read("net/snmp", "couldn't get SNMP stats"))
                .merge(snmp6());
        for (Map.Entry<String, Map<String, Double>> protocol : stats.protocols().entrySet()) {
            for (Map.Entry<String, Double> counter : protocol.getValue().entrySet()) {
                String key = protocol.getKey() + "_" + counter.getKey();
                if (fields != null && !fields.matcher(key).find()) {
                    continue;
                }
                sink.untyped("node_netstat_" + key, "Statistic " + protocol.getKey() + counter.getKey() + ".")
                        .add(counter.getValue());
            }
        }
    }

    private NetStats read(String file, String what) throws IOException {
        try {
            return NetstatParser.parse(SmallFiles.read(paths.proc(file)), paths.proc(file).toString());
        } catch (IOException e) {
            throw new IOException(what + ": " + e.getMessage(), e);
        }
    }

    private NetStats snmp6() throws IOException {
        try {
            return Snmp6Parser.parse(SmallFiles.read(paths.proc("net/snmp6")));
        } catch (NoSuchFileException e) {
            return NetStats.EMPTY; // IPv6 disabled
        } catch (IOException e) {
            throw new IOException("couldn't get SNMP6 stats: " + e.getMessage(), e);
        }
    }
}
