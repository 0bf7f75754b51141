package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.agent.collector.NoDataException;
import dev.nodepulse.metrics.Family;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.sys.bonding.BondingMaster;
import dev.nodepulse.procfs.sys.bonding.BondingReader;
import java.nio.file.NoSuchFileException;
import java.util.List;

/** Configured and active slaves of each bonding master, from /sys/class/net. */
public final class BondingCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("bonding", true, ctx -> new BondingCollector(ctx.paths()));

    private final HostPaths paths;

    public BondingCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        List<BondingMaster> masters;
        try {
            masters = BondingReader.read(paths.sys("class", "net"));
        } catch (NoSuchFileException e) {
            throw new NoDataException("no bonding: " + e.getMessage());
        }
        Family slaves = sink.gauge("node_bonding_slaves", "Number of configured slaves per bonding interface.", "master");
        Family active = sink.gauge("node_bonding_active", "Number of active slaves per bonding interface.", "master");
        for (BondingMaster m : masters) {
            slaves.add(m.slaves(), m.name());
            active.add(m.activeSlaves(), m.name());
        }
    }
}
