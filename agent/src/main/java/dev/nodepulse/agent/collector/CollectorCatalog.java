package dev.nodepulse.agent.collector;

import dev.nodepulse.agent.node.ArpCollector;
import dev.nodepulse.agent.node.BcacheCollector;
import dev.nodepulse.agent.node.BcachefsCollector;
import dev.nodepulse.agent.node.BondingCollector;
import dev.nodepulse.agent.node.BtrfsCollector;
import dev.nodepulse.agent.node.CpuCollector;
import dev.nodepulse.agent.node.CpuVulnerabilitiesCollector;
import dev.nodepulse.agent.node.DmMultipathCollector;
import dev.nodepulse.agent.node.DmiCollector;
import dev.nodepulse.agent.node.DrbdCollector;
import dev.nodepulse.agent.node.EdacCollector;
import dev.nodepulse.agent.node.FibrechannelCollector;
import dev.nodepulse.agent.node.InfinibandCollector;
import dev.nodepulse.agent.node.IpvsCollector;
import dev.nodepulse.agent.node.KernelHungCollector;
import dev.nodepulse.agent.node.LoadavgCollector;
import dev.nodepulse.agent.node.MdadmCollector;
import dev.nodepulse.agent.node.MeminfoCollector;
import dev.nodepulse.agent.node.NfsCollector;
import dev.nodepulse.agent.node.NfsdCollector;
import dev.nodepulse.agent.node.NvmeCollector;
import dev.nodepulse.agent.node.PciDeviceCollector;
import dev.nodepulse.agent.node.PowerSupplyClassCollector;
import dev.nodepulse.agent.node.RaplCollector;
import dev.nodepulse.agent.node.SelinuxCollector;
import dev.nodepulse.agent.node.StatCollector;
import dev.nodepulse.agent.node.TapestatsCollector;
import dev.nodepulse.agent.node.UdpQueuesCollector;
import dev.nodepulse.agent.node.WatchdogCollector;
import dev.nodepulse.agent.node.XfsCollector;
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
                        ArpCollector.SPEC,
                        BcacheCollector.SPEC,
                        BcachefsCollector.SPEC,
                        BondingCollector.SPEC,
                        BtrfsCollector.SPEC,
                        CpuVulnerabilitiesCollector.SPEC,
                        DmiCollector.SPEC,
                        DmMultipathCollector.SPEC,
                        DrbdCollector.SPEC,
                        EdacCollector.SPEC,
                        FibrechannelCollector.SPEC,
                        InfinibandCollector.SPEC,
                        IpvsCollector.SPEC,
                        KernelHungCollector.SPEC,
                        MdadmCollector.SPEC,
                        NfsCollector.SPEC,
                        NfsdCollector.SPEC,
                        NvmeCollector.SPEC,
                        PciDeviceCollector.SPEC,
                        PowerSupplyClassCollector.SPEC,
                        RaplCollector.SPEC,
                        SelinuxCollector.SPEC,
                        TapestatsCollector.SPEC,
                        UdpQueuesCollector.SPEC,
                        WatchdogCollector.SPEC,
                        XfsCollector.SPEC)
                .sorted(Comparator.comparing(CollectorSpec::name))
                .toList();
    }
}
