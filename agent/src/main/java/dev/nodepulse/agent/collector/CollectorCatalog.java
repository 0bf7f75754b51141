package dev.nodepulse.agent.collector;

import dev.nodepulse.agent.node.CpuCollector;
import dev.nodepulse.agent.node.DiskstatsCollector;
import dev.nodepulse.agent.node.FilesystemCollector;
import dev.nodepulse.agent.node.LoadavgCollector;
import dev.nodepulse.agent.node.MeminfoCollector;
import dev.nodepulse.agent.node.NetclassCollector;
import dev.nodepulse.agent.node.NetdevCollector;
import dev.nodepulse.agent.node.StatCollector;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Every collector the agent has, by node_exporter name. One line per collector; order does not matter. */
public final class CollectorCatalog {

    private CollectorCatalog() {}

    public static List<CollectorSpec> all() {
        return Stream.of(
                        CpuCollector.SPEC,
                        DiskstatsCollector.SPEC,
                        FilesystemCollector.SPEC,
                        LoadavgCollector.SPEC,
                        MeminfoCollector.SPEC,
                        NetclassCollector.SPEC,
                        NetdevCollector.SPEC,
                        StatCollector.SPEC)
                .sorted(Comparator.comparing(CollectorSpec::name))
                .toList();
    }
}
