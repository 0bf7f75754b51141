package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.agent.collector.DeviceFilter;
import dev.nodepulse.cli.Flag;
import dev.nodepulse.metrics.Family;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.proc.net.ArpEntry;
import dev.nodepulse.procfs.proc.net.ArpParser;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * node_arp_entries per interface from /proc/net/arp.
 *
 * <p>node_exporter reads the neighbour table over rtnetlink by default (--collector.arp.netlink), which Java
 * cannot open; the flag is accepted and /proc/net/arp is read either way. Both come from the same kernel
 * table and both leave out NOARP entries, so the counts agree; the file is, like the netlink dump, the view
 * of the agent's own network namespace.
 */
public final class ArpCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("arp", true,
            ctx -> new ArpCollector(ctx.paths(), new DeviceFilter(ctx.pattern("device-include"),
                    ctx.pattern("device-exclude"))),
            Flag.regex("collector.arp.device-include", "",
                    "Regexp of arp devices to include (mutually exclusive to device-exclude)."),
            Flag.regex("collector.arp.device-exclude", "",
                    "Regexp of arp devices to exclude (mutually exclusive to device-include)."),
            Flag.bool("collector.arp.netlink", true,
                    "Accepted for node_exporter compatibility; entries are always read from /proc/net/arp."));

    private final HostPaths paths;
    private final DeviceFilter filter;

    public ArpCollector(HostPaths paths, DeviceFilter filter) {
        this.paths = paths;
        this.filter = filter;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        Map<String, Integer> perDevice = new LinkedHashMap<>();
        for (ArpEntry e : ArpParser.parse(SmallFiles.read(paths.proc("net", "arp")))) {
            perDevice.merge(e.device(), 1, Integer::sum);
        }
        Family entries = sink.gauge("node_arp_entries", "ARP entries by device", "device");
        perDevice.forEach((device, count) -> {
            if (!filter.ignored(device)) {
                entries.add(count, device);
            }
        });
    }
}
