package dev.nodepulse.agent.collector;

import dev.nodepulse.agent.node.CpuCollector;
import dev.nodepulse.agent.node.LoadavgCollector;
import dev.nodepulse.agent.node.MeminfoCollector;
import dev.nodepulse.agent.node.NetstatCollector;
import dev.nodepulse.agent.node.OsCollector;
import dev.nodepulse.agent.node.SockstatCollector;
import dev.nodepulse.agent.node.StatCollector;
import dev.nodepulse.agent.node.TextfileCollector;
import dev.nodepulse.agent.node.TimeCollector;
import dev.nodepulse.agent.node.TimexCollector;
import dev.nodepulse.agent.node.UnameCollector;
import dev.nodepulse.agent.node.VmstatCollector;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Every collector the agent has, by node_exporter name. One line per collector; order does not matter. */
public final class CollectorCatalog {

    private CollectorCatalog() {}

    public static List<CollectorSpec> all() {
        return Stream.of(
                        CpuCollector.SPEC,
                        LoadavgCollector.SPEC,
                        MeminfoCollector.SPEC,
                        StatCollector.SPEC,
                        TextfileCollector.SPEC,
                        OsCollector.SPEC,
                        TimeCollector.SPEC,
                        TimexCollector.SPEC,
                        UnameCollector.SPEC,
                        NetstatCollector.SPEC,
                        SockstatCollector.SPEC,
                        VmstatCollector.SPEC)
                .sorted(Comparator.comparing(CollectorSpec::name))
                .toList();
    }
}
