package dev.nodepulse.agent.collector;

import dev.nodepulse.agent.node.ConntrackCollector;
import dev.nodepulse.agent.node.CpuCollector;
import dev.nodepulse.agent.node.CpufreqCollector;
import dev.nodepulse.agent.node.DiskstatsCollector;
import dev.nodepulse.agent.node.EntropyCollector;
import dev.nodepulse.agent.node.FilefdCollector;
import dev.nodepulse.agent.node.FilesystemCollector;
import dev.nodepulse.agent.node.HwmonCollector;
import dev.nodepulse.agent.node.LoadavgCollector;
import dev.nodepulse.agent.node.MeminfoCollector;
import dev.nodepulse.agent.node.NetclassCollector;
import dev.nodepulse.agent.node.NetdevCollector;
import dev.nodepulse.agent.node.PressureCollector;
import dev.nodepulse.agent.node.SchedstatCollector;
import dev.nodepulse.agent.node.SoftnetCollector;
import dev.nodepulse.agent.node.StatCollector;
import dev.nodepulse.agent.node.ThermalZoneCollector;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Every collector the agent has, by node_exporter name. One line per collector; order does not matter. */
public final class CollectorCatalog {

    private CollectorCatalog() {}

    public static List<CollectorSpec> all() {
        return Stream.of(
                        ConntrackCollector.SPEC,
                        CpuCollector.SPEC,
                        CpufreqCollector.SPEC,
                        DiskstatsCollector.SPEC,
                        EntropyCollector.SPEC,
                        FilefdCollector.SPEC,
                        FilesystemCollector.SPEC,
                        HwmonCollector.SPEC,
                        LoadavgCollector.SPEC,
                        MeminfoCollector.SPEC,
                        NetclassCollector.SPEC,
                        NetdevCollector.SPEC,
                        PressureCollector.SPEC,
                        SchedstatCollector.SPEC,
                        SoftnetCollector.SPEC,
                        StatCollector.SPEC,
                        ThermalZoneCollector.SPEC)
                .sorted(Comparator.comparing(CollectorSpec::name))
                .toList();
    }
}
