package dev.nodepulse.agent.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.agent.AgentFlags;
import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorCatalog;
import dev.nodepulse.agent.collector.CollectorRunner;
import dev.nodepulse.agent.collector.EnabledCollectors;
import dev.nodepulse.agent.collector.Outcome;
import dev.nodepulse.cli.FlagValues;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Missing and broken sources: each collector reports its own failure (success 0), and a scrape of all of
 * them together still serves the collector whose source is fine.
 */
class SourceFailureTest {

    /** The collectors of this suite; selinux reads the agent's own mounts and is tested on its own. */
    static final List<String> COLLECTORS = List.of("arp", "bcache", "bcachefs", "bonding", "btrfs",
            "cpu_vulnerabilities", "dmi", "dmmultipath", "drbd", "drm", "edac", "fibrechannel", "infiniband", "ipvs",
            "kernel_hung", "mdadm", "nfs", "nfsd", "nvme", "nvmesubsystem", "pcidevice", "powersupplyclass", "rapl", "tapestats",
            "udp_queues", "watchdog", "xfs");

    /** Upstream globs these sources, so an absent source is an empty, successful collection. */
    static final Set<String> EMPTY_IS_SUCCESS = Set.of("bcache", "btrfs", "cpu_vulnerabilities", "drm", "edac", "xfs");

    @TempDir
    Path tmp;

    private Map<String, Outcome> scrape(FakeHost host) throws Exception {
        List<String> args = new ArrayList<>(List.of("--collector.disable-defaults", "--collector.loadavg"));
        for (String c : COLLECTORS) {
            args.add("--collector." + c);
        }
        FlagValues flags = AgentFlags.define().parse(args.toArray(new String[0]));
        Map<String, Collector> collectors = EnabledCollectors.create(flags, host.paths, CollectorCatalog.all());
        Map<String, Outcome> out = new TreeMap<>();
        try (CollectorRunner runner = new CollectorRunner(collectors, 2)) {
            for (Outcome o : runner.run(List.copyOf(collectors.keySet()), Duration.ofSeconds(20))) {
                out.put(o.collector(), o);
            }
        }
        return out;
    }

    @Test
    void absentSourcesFailQuietlyOrCollectNothing() throws Exception {
        FakeHost host = new FakeHost(tmp).file("proc/loadavg", "0.50 0.40 0.30 1/200 4242\n");
        Map<String, Outcome> out = scrape(host);
        assertTrue(out.get("loadavg").success());
        Set<String> succeeded = new TreeSet<>();
        for (String c : COLLECTORS) {
            Outcome o = out.get(c);
            if (o.success()) {
                succeeded.add(c);
                assertTrue(o.snapshots().isEmpty(), c + " published series from nothing");
            } else if (!c.equals("arp")) {
                // node_exporter reports a missing /proc/net/arp as an error, not as "no data"
                assertTrue(o.noData(), c + ": " + o.error());
            }
        }
        assertEquals(EMPTY_IS_SUCCESS, succeeded);
    }

    @Test
    void brokenSourcesFailOnlyTheirCollector() throws Exception {
        FakeHost h = new FakeHost(tmp).file("proc/loadavg", "0.50 0.40 0.30 1/200 4242\n");
        h.file("proc/net/arp", "IP address HW type Flags HW address Mask Device\n10.0.0.1 0x1 0x2\n");
        h.file("sys/fs/bcache/aaaa-bbbb/congested", "");
        h.file("sys/fs/bcachefs/cccc/errors", "some_error many\n");
        h.attr("sys/class/net/bonding_masters", "bond0");
        h.file("sys/fs/btrfs/dddd-eeee/commit_stats", "commits\n").dir("sys/fs/btrfs/dddd-eeee/devices");
        h.dir("sys/devices/system/cpu/vulnerabilities/spectre_v9");
        // DMI text cannot be malformed; it is read once at start-up and here simply present
        h.attr("sys/class/dmi/id/bios_vendor", "x");
        h.attr("sys/block/dm-0/dm/uuid", "mpath-1");
        h.file("proc/drbd", " 0: cs:Connected ns:lots\n");
        h.attr("sys/class/drm/card0/device/uevent", "DRIVER=amdgpu").attr("sys/class/drm/card0/device/gpu_busy_percent", "x");
        h.attr("sys/devices/system/edac/mc/mc0/ce_count", "x");
        h.attr("sys/class/fc_host/host0/statistics/rx_frames", "x");
        h.attr("sys/class/infiniband/mlx4_0/fw_ver", "1").attr("sys/class/infiniband/mlx4_0/ports/1/link_layer", "x")
                .attr("sys/class/infiniband/mlx4_0/ports/1/state", "ACTIVE");
        h.file("proc/net/ip_vs_stats", "x\n").file("proc/net/ip_vs", "");
        h.attr("proc/sys/kernel/hung_task_detect_count", "x");
        h.file("proc/mdstat", "md0 :\n");
        h.file("proc/net/rpc/nfs", "bogus 1\n").file("proc/net/rpc/nfsd", "bogus 1\n");
        h.dir("sys/class/nvme/nvme0");
        h.dir("sys/class/nvme-subsystem/nvme-subsys0");
        h.dir("sys/bus/pci/devices/0000:00:00.0");
        h.attr("sys/class/power_supply/BAT0/capacity", "x");
        h.attr("sys/class/powercap/intel-rapl:0/name", "package-0")
                .attr("sys/class/powercap/intel-rapl:0/max_energy_range_uj", "x");
        h.attr("sys/class/scsi_tape/st0/stats/in_flight", "x");
        h.file("proc/net/udp", "header\nbad\n");
        h.attr("sys/class/watchdog/watchdog0/timeout", "x");
        h.file("sys/fs/xfs/sda1/stats/stats", "abt 1\n");
        Map<String, Outcome> out = scrape(h);
        assertTrue(out.get("loadavg").success());
        assertEquals(1, out.get("loadavg").snapshots().stream()
                .filter(s -> s.getMetadata().getPrometheusName().equals("node_load1")).count());
        assertTrue(out.get("dmi").success());
        for (String c : COLLECTORS) {
            if (!c.equals("dmi")) {
                assertTrue(!out.get(c).success(), c + " succeeded on a broken source");
            }
        }
    }
}
