package dev.nodepulse.agent.node;

import static dev.nodepulse.agent.node.SinkValues.labelSets;
import static dev.nodepulse.agent.node.SinkValues.valueOrNull;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.agent.collector.NoDataException;
import dev.nodepulse.metrics.MetricSink;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Collectors fed from /sys: unit conversions, label sets and flags. */
class SysfsCollectorsTest {

    @TempDir
    Path tmp;

    private static Map<String, String> labels(Labels l) {
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < l.size(); i++) {
            m.put(l.getName(i), l.getValue(i));
        }
        return m;
    }

    @Test
    void powerSupplyUnitsAndPerSupplyInfoLabels() throws Exception {
        FakeHost h = new FakeHost(tmp)
                .attr("sys/class/power_supply/BAT0/voltage_now", "12431000")
                .attr("sys/class/power_supply/BAT0/energy_now", "36580000")
                .attr("sys/class/power_supply/BAT0/current_now", "-1500000")
                .attr("sys/class/power_supply/BAT0/temp", "312")
                .attr("sys/class/power_supply/BAT0/cycle_count", "41")
                .attr("sys/class/power_supply/BAT0/time_to_empty_now", "7200")
                .attr("sys/class/power_supply/BAT0/status", "Discharging")
                .attr("sys/class/power_supply/BAT0/model_name", "")
                .attr("sys/class/power_supply/AC/online", "1")
                .attr("sys/class/power_supply/ucsi-source-psy-USBC000:001/online", "0");
        MetricSink s = Collectors.scrape(h, "powersupplyclass");
        assertEquals(12.431, valueOrNull(s, "node_power_supply_voltage_volt", "BAT0"));
        assertEquals(36.58, valueOrNull(s, "node_power_supply_energy_watthour", "BAT0"));
        assertEquals(-1.5, valueOrNull(s, "node_power_supply_current_ampere", "BAT0"));
        assertEquals(31.2, valueOrNull(s, "node_power_supply_temp_celsius", "BAT0"));
        assertEquals(41.0, valueOrNull(s, "node_power_supply_cyclecount", "BAT0"));
        assertEquals(7200.0, valueOrNull(s, "node_power_supply_time_to_empty_seconds", "BAT0"));
        assertEquals(1.0, valueOrNull(s, "node_power_supply_online", "AC"));
        MetricSnapshot info = s.build().stream()
                .filter(m -> m.getMetadata().getPrometheusName().equals("node_power_supply_info")).findFirst().orElseThrow();
        List<Map<String, String>> infoLabels = info.getDataPoints().stream().map(DataPointSnapshot::getLabels)
                .map(SysfsCollectorsTest::labels).toList();
        assertTrue(infoLabels.contains(Map.of("power_supply", "AC")));
        assertTrue(infoLabels.contains(Map.of("power_supply", "BAT0", "status", "Discharging")));
        MetricSink ignoring = Collectors.scrape(h, "powersupplyclass", "--collector.powersupply.ignored-supplies=^(AC|ucsi)");
        assertEquals(List.of(List.of("BAT0")), labelSets(ignoring, "node_power_supply_cyclecount"));
        assertNull(valueOrNull(ignoring, "node_power_supply_online", "AC"));
    }

    @Test
    void raplFamilyPerZoneOrZoneLabel() throws Exception {
        FakeHost h = new FakeHost(tmp)
                .attr("sys/class/powercap/intel-rapl:0/name", "package-0")
                .attr("sys/class/powercap/intel-rapl:0/max_energy_range_uj", "262143328850")
                .attr("sys/class/powercap/intel-rapl:0/energy_uj", "2500000")
                .attr("sys/class/powercap/intel-rapl:0:0/name", "psys")
                .attr("sys/class/powercap/intel-rapl:0:0/max_energy_range_uj", "1")
                .attr("sys/class/powercap/intel-rapl:0:0/energy_uj", "1");
        String pkgPath = h.path("sys/class/powercap/intel-rapl:0").toString();
        MetricSink s = Collectors.scrape(h, "rapl");
        assertEquals(2.5, valueOrNull(s, "node_rapl_package_joules_total", "0", pkgPath));
        assertEquals(0.000001, valueOrNull(s, "node_rapl_psys_joules_total", "0",
                h.path("sys/class/powercap/intel-rapl:0:0").toString()));
        MetricSink z = Collectors.scrape(h, "rapl", "--collector.rapl.enable-zone-label");
        assertEquals(2.5, valueOrNull(z, "node_rapl_joules_total", "0", pkgPath, "package"));
        assertNull(z.get("node_rapl_package_joules_total"));
    }

    @Test
    void tapeSecondsAndIgnoredDevices() throws Exception {
        FakeHost h = new FakeHost(tmp).attr("sys/class/scsi_tape/st0/stats/io_ns", "2500000000")
                .attr("sys/class/scsi_tape/st0/stats/read_byte_cnt", "4096")
                .attr("sys/class/scsi_tape/st1/stats/io_ns", "1");
        MetricSink s = Collectors.scrape(h, "tapestats");
        assertEquals(2.5, valueOrNull(s, "node_tape_io_time_seconds_total", "st0"));
        assertEquals(4096.0, valueOrNull(s, "node_tape_read_bytes_total", "st0"));
        assertEquals(0.0, valueOrNull(s, "node_tape_writes_completed_total", "st0"));
        assertEquals(List.of(List.of("st0")), labelSets(Collectors.scrape(h, "tapestats",
                "--collector.tapestats.ignored-devices=^st1$"), "node_tape_io_now"));
    }

    @Test
    void watchdogDmiAndVulnerabilities() throws Exception {
        FakeHost h = new FakeHost(tmp)
                .attr("sys/class/watchdog/watchdog0/timeout", "60").attr("sys/class/watchdog/watchdog0/identity", "i6300ESB")
                .attr("sys/class/dmi/id/sys_vendor", "Lenovo").attr("sys/class/dmi/id/product_name", "ThinkPad")
                .attr("sys/devices/system/cpu/vulnerabilities/meltdown", "Mitigation: PTI");
        MetricSink w = Collectors.scrape(h, "watchdog");
        assertEquals(60.0, valueOrNull(w, "node_watchdog_timeout_seconds", "watchdog0"));
        assertEquals(1.0, valueOrNull(w, "node_watchdog_info", "watchdog0", "", "i6300ESB", "", "", ""));
        assertTrue(labelSets(w, "node_watchdog_nowayout").isEmpty());
        MetricSink d = Collectors.scrape(h, "dmi");
        assertEquals(List.of("product_name", "system_vendor"),
                d.get("node_dmi_info").labelNames().stream().sorted().toList());
        MetricSink v = Collectors.scrape(h, "cpu_vulnerabilities");
        assertEquals(1.0, valueOrNull(v, "node_cpu_vulnerabilities_info", "meltdown", "mitigation", "PTI"));
    }

    @Test
    void edacFibreChannelAndNvme() throws Exception {
        FakeHost h = new FakeHost(tmp)
                .attr("sys/devices/system/edac/mc/mc0/ce_count", "3").attr("sys/devices/system/edac/mc/mc0/ue_count", "0")
                .attr("sys/devices/system/edac/mc/mc0/ce_noinfo_count", "1")
                .attr("sys/devices/system/edac/mc/mc0/ue_noinfo_count", "0")
                .attr("sys/class/fc_host/host2/port_state", "Online")
                .attr("sys/class/fc_host/host2/statistics/nos_count", "0x20")
                .attr("sys/class/fc_host/host2/statistics/lip_count", "0x1")
                .attr("sys/class/fc_host/host2/statistics/link_failure_count", "0xffffffffffffffff")
                .attr("sys/class/nvme/nvme0/firmware_rev", "1.0").attr("sys/class/nvme/nvme0/model", "M")
                .attr("sys/class/nvme/nvme0/serial", "S").attr("sys/class/nvme/nvme0/state", "live")
                .attr("sys/class/nvme/nvme0/cntlid", "4")
                .attr("sys/class/nvme/nvme0/nvme0n1/nuse", "10").attr("sys/class/nvme/nvme0/nvme0n1/size", "100")
                .attr("sys/class/nvme/nvme0/nvme0n1/queue/logical_block_size", "4096");
        MetricSink e = Collectors.scrape(h, "edac");
        assertEquals(3.0, valueOrNull(e, "node_edac_correctable_errors_total", "0"));
        assertEquals(1.0, valueOrNull(e, "node_edac_csrow_correctable_errors_total", "0", "unknown"));
        MetricSink fc = Collectors.scrape(h, "fibrechannel");
        assertEquals(32.0, valueOrNull(fc, "node_fibrechannel_nos_total", "host2"));
        assertNull(fc.get("node_fibrechannel_link_failure_total"));
        assertEquals(1.0, valueOrNull(fc, "node_fibrechannel_info", "host2", "", "Online", "", "", "", "", "", "", "", ""));
        MetricSink n = Collectors.scrape(h, "nvme");
        assertEquals(409600.0, valueOrNull(n, "node_nvme_namespace_size_bytes", "nvme0", "1"));
        assertEquals(40960.0, valueOrNull(n, "node_nvme_namespace_used_bytes", "nvme0", "1"));
        assertEquals(1.0, valueOrNull(n, "node_nvme_namespace_info", "nvme0", "1", "unknown"));
        assertEquals(1.0, valueOrNull(n, "node_nvme_info", "nvme0", "1.0", "M", "S", "live", "4"));
    }

    @Test
    void infinibandFilterAndLifespan() throws Exception {
        FakeHost h = new FakeHost(tmp);
        for (String dev : new String[] {"mlx5_0", "mlx5_1"}) {
            String p = "sys/class/infiniband/" + dev + "/ports/1/";
            h.attr("sys/class/infiniband/" + dev + "/fw_ver", "16.0").attr(p + "link_layer", "Ethernet")
                    .attr(p + "state", "4: ACTIVE").attr(p + "phys_state", "5: LinkUp")
                    .attr(p + "rate", "25 Gb/sec (1X EDR)").attr(p + "hw_counters/lifespan", "1999")
                    .attr(p + "counters/port_xmit_data", "10");
        }
        MetricSink s = Collectors.scrape(h, "infiniband", "--collector.infiniband.device-exclude=_1$");
        assertEquals(List.of(List.of("mlx5_0", "1")), labelSets(s, "node_infiniband_state_id"));
        assertEquals(1.0, valueOrNull(s, "node_infiniband_lifespan_seconds", "mlx5_0", "1"));
        assertEquals(3.125e9, valueOrNull(s, "node_infiniband_rate_bytes_per_second", "mlx5_0", "1"));
        assertEquals(40.0, valueOrNull(s, "node_infiniband_port_data_transmitted_bytes_total", "mlx5_0", "1"));
        assertEquals(1.0, valueOrNull(s, "node_infiniband_info", "mlx5_0", "", "16.0", ""));
    }

    @Test
    void pciDefaultsAndPowerStates() throws Exception {
        FakeHost h = new FakeHost(tmp);
        String dev = "sys/devices/pci0000:00/0000:00:1f.6";
        h.attr(dev + "/class", "0x020000").attr(dev + "/vendor", "0x8086").attr(dev + "/device", "0x15bb")
                .attr(dev + "/subsystem_vendor", "0x17aa").attr(dev + "/subsystem_device", "0x2292")
                .attr(dev + "/revision", "0x10").attr(dev + "/power_state", "D3hot")
                .link("sys/bus/pci/devices/0000:00:1f.6", "../../../devices/pci0000:00/0000:00:1f.6");
        MetricSink s = Collectors.scrape(h, "pcidevice");
        String[] loc = {"0000", "00", "1f", "6"};
        assertEquals(-1.0, valueOrNull(s, "node_pcidevice_max_link_transfers_per_second", loc));
        assertEquals(-1.0, valueOrNull(s, "node_pcidevice_current_link_width", loc));
        assertEquals(0.0, valueOrNull(s, "node_pcidevice_sriov_totalvfs", loc));
        assertEquals(1.0, valueOrNull(s, "node_pcidevice_power_state", "0000", "00", "1f", "6", "D3hot"));
        assertEquals(0.0, valueOrNull(s, "node_pcidevice_power_state", "0000", "00", "1f", "6", "D0"));
        assertTrue(labelSets(s, "node_pcidevice_numa_node").isEmpty());
        assertEquals(1.0, valueOrNull(s, "node_pcidevice_info", "0000", "00", "1f", "6", "*", "*", "*", "*", "0x020000",
                "0x8086", "0x15bb", "0x17aa", "0x2292", "0x10"));
        h.file("root/pci.ids", "8086  Intel Corporation\n\t15bb  Ethernet Connection I219-LM\n"
                + "C 02  Network controller\n\t00  Ethernet controller\n");
        MetricSink named = Collectors.scrape(h, "pcidevice", "--collector.pcidevice.names",
                "--collector.pcidevice.idsfile=" + h.path("root/pci.ids"));
        assertEquals(1.0, valueOrNull(named, "node_pcidevice_info", "0000", "00", "1f", "6", "*", "*", "*", "*",
                "0x020000", "0x8086", "0x15bb", "0x17aa", "0x2292", "0x10", "Intel Corporation",
                "Ethernet Connection I219-LM", "17aa", "2292", "Ethernet controller"));
    }

    @Test
    void multipathCounts() throws Exception {
        FakeHost h = new FakeHost(tmp).attr("sys/block/dm-1/dm/uuid", "mpath-x").attr("sys/block/dm-1/dm/name", "mpatha")
                .attr("sys/block/dm-1/dm/suspended", "0").attr("sys/block/dm-1/size", "2048")
                .dir("sys/block/dm-1/slaves/sda").dir("sys/block/dm-1/slaves/nvme1n1")
                .attr("sys/block/sda/device/state", "running").attr("sys/block/nvme1n1/device/state", "dead");
        MetricSink s = Collectors.scrape(h, "dmmultipath");
        assertEquals(1048576.0, valueOrNull(s, "node_dmmultipath_device_size_bytes", "mpatha", "dm-1"));
        assertEquals(1.0, valueOrNull(s, "node_dmmultipath_device_paths_active", "mpatha", "dm-1"));
        assertEquals(1.0, valueOrNull(s, "node_dmmultipath_device_paths_failed", "mpatha", "dm-1"));
        assertEquals(1.0, valueOrNull(s, "node_dmmultipath_path_state", "mpatha", "nvme1n1", "dead"));
    }

    @Test
    void btrfsBcacheBcachefsAndXfs() throws Exception {
        String fs = "sys/fs/btrfs/0a0b0c0d-1111-2222-3333-444455556666/";
        FakeHost h = new FakeHost(tmp).attr(fs + "label", "home").attr(fs + "devices/nvme0n1p3/size", "1000")
                .file(fs + "commit_stats", "commits 5\nlast_commit_ms 1500\nmax_commit_ms 2500\ntotal_commit_ms 6000\n")
                .attr(fs + "allocation/data/single/total_bytes", "100").dir(fs + "allocation/metadata")
                .dir(fs + "allocation/system");
        MetricSink b = Collectors.scrape(h, "btrfs");
        String uuid = "0a0b0c0d-1111-2222-3333-444455556666";
        assertEquals(1.5, valueOrNull(b, "node_btrfs_last_commit_seconds", uuid));
        assertEquals(6.0, valueOrNull(b, "node_btrfs_commit_seconds_total", uuid));
        assertEquals(512000.0, SinkValues.builtValue(b, "node_btrfs_device_size_bytes",
                Map.of("uuid", uuid, "device", "nvme0n1p3")));
        assertEquals(1.0, valueOrNull(b, "node_btrfs_info", uuid, "home"));
        assertEquals(100.0, valueOrNull(b, "node_btrfs_size_bytes", uuid, "data", "single"));

        String set = "sys/fs/bcache/5a5a5a5a-0000-1111-2222-333344445555/";
        h.attr(set + "internal/btree_read_average_duration_us", "2000").attr(set + "cache0/written", "1.0k")
                .file(set + "cache0/priority_stats", "Unused:\t\t50%\nMetadata:\t2%\n");
        MetricSink c = Collectors.scrape(h, "bcache");
        String bu = "5a5a5a5a-0000-1111-2222-333344445555";
        assertEquals(2e-6, valueOrNull(c, "node_bcache_btree_read_average_duration_seconds", bu), 1e-18);
        assertEquals(1024.0, valueOrNull(c, "node_bcache_written_bytes_total", bu, "cache0"));
        assertNull(c.get("node_bcache_priority_stats_unused_percent"));
        MetricSink cp = Collectors.scrape(h, "bcache", "--collector.bcache.priorityStats");
        assertEquals(50.0, valueOrNull(cp, "node_bcache_priority_stats_unused_percent", bu, "cache0"));

        h.file("sys/fs/bcachefs/fsid/counters/io_read.hit", "since mount: 1\nsince filesystem creation: 9\n");
        MetricSink f = Collectors.scrape(h, "bcachefs");
        assertEquals(9.0, valueOrNull(f, "node_bcachefs_io_read_hit_total", "fsid"));
        assertEquals(1.0, valueOrNull(f, "node_bcachefs_info", "fsid"));

        h.file("sys/fs/xfs/dm-3/stats/stats", "rw 10 20\nvnodes 1 2 3 4 5 6 7\n");
        MetricSink x = Collectors.scrape(h, "xfs");
        assertEquals(20.0, valueOrNull(x, "node_xfs_read_calls_total", "dm-3"));
        assertEquals(10.0, valueOrNull(x, "node_xfs_write_calls_total", "dm-3"));
        assertEquals(7.0, valueOrNull(x, "node_xfs_vnode_remove_total", "dm-3"));
        assertEquals(0.0, valueOrNull(x, "node_xfs_extent_allocation_blocks_freed_total", "dm-3"));
    }

    @Test
    void bcachefsWithoutFilesystemsHasNoData() throws Exception {
        FakeHost h = new FakeHost(tmp).dir("sys/fs/bcachefs");
        assertThrows(NoDataException.class, () -> Collectors.scrape(h, "bcachefs"));
    }

    @Test
    void selinuxWithoutSelinuxfsIsDisabled() throws Exception {
        FakeHost h = new FakeHost(tmp).file("root/etc/selinux/config", "SELINUX=enforcing\n")
                .file("root/proc/filesystems", "nodev\tsysfs\nnodev\tselinuxfs\n")
                .dir("root/sys/fs/selinux");
        h.file("root/proc/self/mountinfo", "30 22 0:27 / " + h.path("root/sys/fs/selinux")
                + " rw,relatime - selinuxfs selinuxfs rw\n");
        MetricSink s = new MetricSink();
        new SelinuxCollector(h.path("root")).update(s);
        // the mount is listed but statfs finds no selinuxfs there, as go-selinux would
        assertEquals(0.0, valueOrNull(s, "node_selinux_enabled"));
        assertNull(s.get("node_selinux_config_mode"));
    }
}
