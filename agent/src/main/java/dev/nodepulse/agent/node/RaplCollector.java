package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.agent.collector.NoDataException;
import dev.nodepulse.cli.Flag;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.Numbers;
import dev.nodepulse.procfs.sys.powercap.RaplReader;
import dev.nodepulse.procfs.sys.powercap.RaplZone;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.List;

/**
 * RAPL energy counters from /sys/class/powercap: one family per zone name (node_rapl_package_joules_total,
 * ...), or with --collector.rapl.enable-zone-label one family with the zone as a label. energy_uj is
 * root-only on current kernels; without the permission the collector reports no data.
 */
public final class RaplCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("rapl", true,
            ctx -> new RaplCollector(ctx.paths(), ctx.bool("enable-zone-label")),
            Flag.bool("collector.rapl.enable-zone-label", false,
                    "Publish one node_rapl_joules_total family with the zone in a rapl_zone label."));

    private final HostPaths paths;
    private final boolean zoneLabel;

    public RaplCollector(HostPaths paths, boolean zoneLabel) {
        this.paths = paths;
        this.zoneLabel = zoneLabel;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        List<RaplZone> zones;
        try {
            zones = RaplReader.zones(paths.sys("class", "powercap"));
        } catch (NoSuchFileException | AccessDeniedException e) {
            throw new NoDataException("no readable powercap files: " + e.getMessage());
        }
        for (RaplZone z : zones) {
            long microjoules;
            try {
                microjoules = RaplReader.energyMicrojoules(z);
            } catch (AccessDeniedException e) {
                throw new NoDataException("cannot read " + e.getMessage());
            }
            double joules = Numbers.unsignedToDouble(microjoules) / 1000000.0;
            String index = Integer.toString(z.index());
            String path = z.path().toString();
            if (zoneLabel) {
                sink.counter("node_rapl_joules_total", "Current RAPL value in joules", "index", "path", "rapl_zone")
                        .add(joules, index, path, z.name());
            } else {
                sink.counter("node_rapl_" + MetricNames.sanitize(z.name()) + "_joules_total",
                        "Current RAPL " + z.name() + " value in joules", "index", "path").add(joules, index, path);
            }
        }
    }
}
