package dev.nodepulse.agent.collector;

import dev.nodepulse.agent.node.ArpCollector;
import dev.nodepulse.agent.node.BcacheCollector;
import dev.nodepulse.agent.node.BcachefsCollector;
import dev.nodepulse.agent.node.BondingCollector;
import dev.nodepulse.agent.node.BtrfsCollector;
import dev.nodepulse.agent.node.BuddyinfoCollector;
import dev.nodepulse.agent.node.CgroupsCollector;
import dev.nodepulse.agent.node.ConntrackCollector;
import dev.nodepulse.agent.node.CpuCollector;
import dev.nodepulse.agent.node.CpuVulnerabilitiesCollector;
import dev.nodepulse.agent.node.CpufreqCollector;
import dev.nodepulse.agent.node.DiskstatsCollector;
import dev.nodepulse.agent.node.DmMultipathCollector;
import dev.nodepulse.agent.node.DmiCollector;
import dev.nodepulse.agent.node.DrbdCollector;
import dev.nodepulse.agent.node.DrmCollector;
import dev.nodepulse.agent.node.EdacCollector;
import dev.nodepulse.agent.node.EntropyCollector;
import dev.nodepulse.agent.node.EthtoolCollector;
import dev.nodepulse.agent.node.FibrechannelCollector;
import dev.nodepulse.agent.node.FilefdCollector;
import dev.nodepulse.agent.node.FilesystemCollector;
import dev.nodepulse.agent.node.HwmonCollector;
import dev.nodepulse.agent.node.InfinibandCollector;
import dev.nodepulse.agent.node.InterruptsCollector;
import dev.nodepulse.agent.node.IpvsCollector;
import dev.nodepulse.agent.node.KernelHungCollector;
import dev.nodepulse.agent.node.KsmdCollector;
import dev.nodepulse.agent.node.LnstatCollector;
import dev.nodepulse.agent.node.LoadavgCollector;
import dev.nodepulse.agent.node.MdadmCollector;
import dev.nodepulse.agent.node.MeminfoCollector;
import dev.nodepulse.agent.node.MeminfoNumaCollector;
import dev.nodepulse.agent.node.MountStatsCollector;
import dev.nodepulse.agent.node.NetclassCollector;
import dev.nodepulse.agent.node.NetdevCollector;
import dev.nodepulse.agent.node.NetstatCollector;
import dev.nodepulse.agent.node.NetworkRouteCollector;
import dev.nodepulse.agent.node.NfsCollector;
import dev.nodepulse.agent.node.NfsdCollector;
import dev.nodepulse.agent.node.NvmeCollector;
import dev.nodepulse.agent.node.NvmeSubsystemCollector;
import dev.nodepulse.agent.node.OsCollector;
import dev.nodepulse.agent.node.PciDeviceCollector;
import dev.nodepulse.agent.node.PerfCollector;
import dev.nodepulse.agent.node.PowerSupplyClassCollector;
import dev.nodepulse.agent.node.PressureCollector;
import dev.nodepulse.agent.node.ProcessesCollector;
import dev.nodepulse.agent.node.QdiscCollector;
import dev.nodepulse.agent.node.RaplCollector;
import dev.nodepulse.agent.node.SchedstatCollector;
import dev.nodepulse.agent.node.SelinuxCollector;
import dev.nodepulse.agent.node.SlabinfoCollector;
import dev.nodepulse.agent.node.SockstatCollector;
import dev.nodepulse.agent.node.SoftirqsCollector;
import dev.nodepulse.agent.node.SoftnetCollector;
import dev.nodepulse.agent.node.StatCollector;
import dev.nodepulse.agent.node.SwapCollector;
import dev.nodepulse.agent.node.SysctlCollector;
import dev.nodepulse.agent.node.SystemdCollector;
import dev.nodepulse.agent.node.TapestatsCollector;
import dev.nodepulse.agent.node.TcpstatCollector;
import dev.nodepulse.agent.node.TextfileCollector;
import dev.nodepulse.agent.node.ThermalZoneCollector;
import dev.nodepulse.agent.node.TimeCollector;
import dev.nodepulse.agent.node.TimexCollector;
import dev.nodepulse.agent.node.UdpQueuesCollector;
import dev.nodepulse.agent.node.UnameCollector;
import dev.nodepulse.agent.node.VmstatCollector;
import dev.nodepulse.agent.node.WatchdogCollector;
import dev.nodepulse.agent.node.WifiCollector;
import dev.nodepulse.agent.node.XfrmCollector;
import dev.nodepulse.agent.node.XfsCollector;
import dev.nodepulse.agent.node.ZfsCollector;
import dev.nodepulse.agent.node.ZoneinfoCollector;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Every collector the agent has, by node_exporter name. One line per collector; order does not matter. */
public final class CollectorCatalog {

    private CollectorCatalog() {}

    public static List<CollectorSpec> all() {
        return Stream.of(
                        ArpCollector.SPEC,
                        BcacheCollector.SPEC,
                        BcachefsCollector.SPEC,
                        BondingCollector.SPEC,
                        BtrfsCollector.SPEC,
                        BuddyinfoCollector.SPEC,
                        CgroupsCollector.SPEC,
                        ConntrackCollector.SPEC,
                        CpuCollector.SPEC,
                        CpuVulnerabilitiesCollector.SPEC,
                        CpufreqCollector.SPEC,
                        DiskstatsCollector.SPEC,
                        DmMultipathCollector.SPEC,
                        DmiCollector.SPEC,
                        DrbdCollector.SPEC,
                        DrmCollector.SPEC,
                        EdacCollector.SPEC,
                        EntropyCollector.SPEC,
                        EthtoolCollector.SPEC,
                        FibrechannelCollector.SPEC,
                        FilefdCollector.SPEC,
                        FilesystemCollector.SPEC,
                        HwmonCollector.SPEC,
                        InfinibandCollector.SPEC,
                        InterruptsCollector.SPEC,
                        IpvsCollector.SPEC,
                        KernelHungCollector.SPEC,
                        KsmdCollector.SPEC,
                        LnstatCollector.SPEC,
                        LoadavgCollector.SPEC,
                        MdadmCollector.SPEC,
                        MeminfoCollector.SPEC,
                        MeminfoNumaCollector.SPEC,
                        MountStatsCollector.SPEC,
                        NetclassCollector.SPEC,
                        NetdevCollector.SPEC,
                        NetstatCollector.SPEC,
                        NetworkRouteCollector.SPEC,
                        NfsCollector.SPEC,
                        NfsdCollector.SPEC,
                        NvmeCollector.SPEC,
                        NvmeSubsystemCollector.SPEC,
                        OsCollector.SPEC,
                        PciDeviceCollector.SPEC,
                        PerfCollector.SPEC,
                        PowerSupplyClassCollector.SPEC,
                        PressureCollector.SPEC,
                        ProcessesCollector.SPEC,
                        QdiscCollector.SPEC,
                        RaplCollector.SPEC,
                        SchedstatCollector.SPEC,
                        SelinuxCollector.SPEC,
                        SlabinfoCollector.SPEC,
                        SockstatCollector.SPEC,
                        SoftirqsCollector.SPEC,
                        SoftnetCollector.SPEC,
                        StatCollector.SPEC,
                        SwapCollector.SPEC,
                        SysctlCollector.SPEC,
                        SystemdCollector.SPEC,
                        TapestatsCollector.SPEC,
                        TcpstatCollector.SPEC,
                        TextfileCollector.SPEC,
                        ThermalZoneCollector.SPEC,
                        TimeCollector.SPEC,
                        TimexCollector.SPEC,
                        UdpQueuesCollector.SPEC,
                        UnameCollector.SPEC,
                        VmstatCollector.SPEC,
                        WatchdogCollector.SPEC,
                        WifiCollector.SPEC,
                        XfrmCollector.SPEC,
                        XfsCollector.SPEC,
                        ZfsCollector.SPEC,
                        ZoneinfoCollector.SPEC)
                .sorted(Comparator.comparing(CollectorSpec::name))
                .toList();
    }
}
