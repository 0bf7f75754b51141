package dev.nodepulse.agent.node;

import static dev.nodepulse.agent.node.SinkValues.labelSets;
import static dev.nodepulse.agent.node.SinkValues.valueOrNull;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.agent.collector.NoDataException;
import dev.nodepulse.metrics.MetricSink;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Collectors fed from /proc: what they publish for known input, and how flags shape it. */
class ProcCollectorsTest {

    @TempDir
    Path tmp;

    private static final String ARP = "IP address       HW type     Flags       HW address            Mask     Device\n"
            + "10.0.0.1         0x1         0x2         52:54:00:00:00:01     *        eth0\n"
            + "10.0.0.2         0x1         0x2         52:54:00:00:00:02     *        eth0\n"
            + "10.9.0.1         0x1         0x2         52:54:00:00:00:03     *        docker0\n"
            + "10.8.0.1         0x1         0x0         00:00:00:00:00:00     *        wg0\n";

    @Test
    void arpCountsPerDeviceThroughBothFilters() throws Exception {
        FakeHost h = new FakeHost(tmp).file("proc/net/arp", ARP);
        MetricSink all = Collectors.scrape(h, "arp");
        assertEquals(2.0, valueOrNull(all, "node_arp_entries", "eth0"));
        assertEquals(1.0, valueOrNull(all, "node_arp_entries", "docker0"));
        assertEquals(1.0, valueOrNull(all, "node_arp_entries", "wg0"));
        MetricSink filtered = Collectors.scrape(h, "arp", "--collector.arp.device-include=^(eth|wg)",
                "--collector.arp.device-exclude=wg", "--no-collector.arp.netlink");
        assertEquals(List.of(List.of("eth0")), labelSets(filtered, "node_arp_entries"));
    }

    @Test
    void udpQueuesPerFamily() throws Exception {
        String header = "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops\n";
        FakeHost h = new FakeHost(tmp).file("proc/net/udp", header
                + "  112: 0100007F:0035 00000000:0000 07 00000100:00000200 00:00000000 00000000   101        0 18356 2 0000000000000000 0\n");
        MetricSink s = Collectors.scrape(h, "udp_queues");
        assertEquals(256.0, valueOrNull(s, "node_udp_queues", "tx", "v4"));
        assertEquals(512.0, valueOrNull(s, "node_udp_queues", "rx", "v4"));
        assertNull(valueOrNull(s, "node_udp_queues", "tx", "v6"));
        h.file("proc/net/udp6", header);
        assertEquals(0.0, valueOrNull(Collectors.scrape(h, "udp_queues"), "node_udp_queues", "rx", "v6"));
    }

    private static final String IP_VS = "IP Virtual Server version 1.2.1 (size=4096)\n"
            + "Prot LocalAddress:Port Scheduler Flags\n"
            + "  -> RemoteAddress:Port Forward Weight ActiveConn InActConn\n"
            + "TCP  0A000001:0050 rr\n"
            + "  -> 0A000102:1F90      Masq    1      12         40\n"
            + "  -> 0A000103:1F90      Masq    3      7          2\n"
            + "TCP  0A000002:0050 rr\n"
            + "  -> 0A000102:1F90      Masq    2      1          1\n";

    @Test
    void ipvsTotalsAndBackendsSummedOverChosenLabels() throws Exception {
        FakeHost h = new FakeHost(tmp).file("proc/net/ip_vs", IP_VS).file("proc/net/ip_vs_stats",
                "   Total Incoming Outgoing         Incoming         Outgoing\n"
                        + "   Conns  Packets  Packets            Bytes            Bytes\n"
                        + "      10       20       30               40               FF\n\n"
                        + " Conns/s   Pkts/s   Pkts/s          Bytes/s          Bytes/s\n"
                        + "       0        0        0                0                0\n");
        MetricSink full = Collectors.scrape(h, "ipvs");
        assertEquals(16.0, valueOrNull(full, "node_ipvs_connections_total"));
        assertEquals(255.0, valueOrNull(full, "node_ipvs_outgoing_bytes_total"));
        assertEquals(12.0, valueOrNull(full, "node_ipvs_backend_connections_active",
                "10.0.0.1", "80", "10.0.1.2", "8080", "TCP", ""));
        MetricSink byRemote = Collectors.scrape(h, "ipvs", "--collector.ipvs.backend-labels=remote_port,remote_address");
        assertEquals(List.of("remote_address", "remote_port"), byRemote.get("node_ipvs_backend_weight").labelNames());
        assertEquals(13.0, valueOrNull(byRemote, "node_ipvs_backend_connections_active", "10.0.1.2", "8080"));
        assertEquals(3.0, valueOrNull(byRemote, "node_ipvs_backend_weight", "10.0.1.2", "8080"));
        assertThrows(IllegalArgumentException.class,
                () -> Collectors.create(h, "ipvs", "--collector.ipvs.backend-labels=remote_port,vip"));
    }

    @Test
    void nfsClientPublishesEveryProcedure() throws Exception {
        FakeHost h = new FakeHost(tmp).file("proc/net/rpc/nfs", "net 10 1 9 2\nrpc 8 1 0\n"
                + "proc3 22 7 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21\n");
        MetricSink s = Collectors.scrape(h, "nfs");
        assertEquals(9.0, valueOrNull(s, "node_nfs_packets_total", "tcp"));
        assertEquals(2.0, valueOrNull(s, "node_nfs_connections_total"));
        assertEquals(8.0, valueOrNull(s, "node_nfs_rpcs_total"));
        assertEquals(7.0, valueOrNull(s, "node_nfs_requests_total", "3", "Null"));
        assertEquals(21.0, valueOrNull(s, "node_nfs_requests_total", "3", "Commit"));
        assertEquals(0.0, valueOrNull(s, "node_nfs_requests_total", "4", "Clone"));
        assertEquals(18 + 22 + 59, labelSets(s, "node_nfs_requests_total").size());
    }

    @Test
    void nfsdLeavesOutNullAndReservedOperations() throws Exception {
        FakeHost h = new FakeHost(tmp).file("proc/net/rpc/nfsd", "rc 1 2 3\nth 8 0 0.000\nrpc 10 4 1 2 1\n"
                + "proc3 22 5 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21\n"
                + "proc4ops 40 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40\n"
                + "wdeleg_getattr 3\n");
        MetricSink s = Collectors.scrape(h, "nfsd");
        assertEquals(8.0, valueOrNull(s, "node_nfsd_server_threads"));
        assertEquals(2.0, valueOrNull(s, "node_nfsd_rpc_errors_total", "auth"));
        assertEquals(1.0, valueOrNull(s, "node_nfsd_rpc_errors_total", "cInt"));
        assertNull(valueOrNull(s, "node_nfsd_requests_total", "3", "Null"));
        assertEquals(1.0, valueOrNull(s, "node_nfsd_requests_total", "3", "GetAttr"));
        assertEquals(4.0, valueOrNull(s, "node_nfsd_requests_total", "4", "Access"));
        assertEquals(40.0, valueOrNull(s, "node_nfsd_requests_total", "4", "RelLockOwner"));
        assertNull(valueOrNull(s, "node_nfsd_requests_total", "4", "PutRootFH"));
        assertEquals(3.0, valueOrNull(s, "node_nfsd_requests_total", "4", "WdelegGetattr"));
        assertEquals(17 + 21 + 35 + 1, labelSets(s, "node_nfsd_requests_total").size());
    }

    @Test
    void drbdUnitsAndStates() throws Exception {
        FakeHost h = new FakeHost(tmp).file("proc/drbd", "version: 8.4.11 (api:1/proto:86-101)\n"
                + " 2: cs:SyncSource ro:Primary/Secondary ds:UpToDate/Inconsistent C r-----\n"
                + "    ns:10 nr:10 dw:1 dr:2 al:3 bm:4 lo:5 pe:6 ua:7 ap:8 ep:1 wo:f oos:100\n");
        MetricSink s = Collectors.scrape(h, "drbd");
        assertEquals(10240.0, valueOrNull(s, "node_drbd_network_sent_bytes_total", "drbd2"));
        assertEquals(10.0, valueOrNull(s, "node_drbd_network_received_bytes_total", "drbd2"));
        assertEquals(102400.0, valueOrNull(s, "node_drbd_out_of_sync_bytes", "drbd2"));
        assertEquals(0.0, valueOrNull(s, "node_drbd_connected", "drbd2"));
        assertEquals(1.0, valueOrNull(s, "node_drbd_node_role_is_primary", "drbd2", "local"));
        assertEquals(0.0, valueOrNull(s, "node_drbd_disk_state_is_up_to_date", "drbd2", "remote"));
        assertEquals(dev.nodepulse.metrics.MetricType.GAUGE, s.get("node_drbd_remote_pending").type());
        assertEquals(dev.nodepulse.metrics.MetricType.COUNTER, s.get("node_drbd_bitmap_writes_total").type());
    }

    @Test
    void kernelHungAndMdadm() throws Exception {
        FakeHost h = new FakeHost(tmp).attr("proc/sys/kernel/hung_task_detect_count", "3")
                .file("proc/mdstat", "Personalities : [raid1]\nmd7 : active raid1 sdb1[1] sda1[0]\n"
                        + "      1000 blocks super 1.2 [2/2] [UU]\n"
                        + "      [=>...]  resync = 10.0% (100/1000) finish=1.0min speed=1000K/sec\n\n"
                        + "unused devices: <none>\n");
        assertEquals(3.0, valueOrNull(Collectors.scrape(h, "kernel_hung"), "node_kernel_hung_tasks_total"));
        MetricSink md = Collectors.scrape(h, "mdadm");
        assertEquals(1.0, valueOrNull(md, "node_md_state", "md7", "resync"));
        assertEquals(0.0, valueOrNull(md, "node_md_state", "md7", "active"));
        assertEquals(100.0, valueOrNull(md, "node_md_blocks_synced", "md7"));
        assertEquals(2.0, valueOrNull(md, "node_md_disks", "md7", "active"));
        assertEquals(2.0, valueOrNull(md, "node_md_disks_required", "md7"));
        assertFalse(labelSets(md, "node_md_degraded").iterator().hasNext());
        h.attr("sys/block/md7/md/level", "raid1").attr("sys/block/md7/md/array_state", "clean")
                .attr("sys/block/md7/md/metadata_version", "1.2").attr("sys/block/md7/md/raid_disks", "2")
                .attr("sys/block/md7/md/uuid", "u").attr("sys/block/md7/md/degraded", "1")
                .attr("sys/block/md7/md/sync_action", "resync").attr("sys/block/md7/md/sync_completed", "100 / 1000");
        MetricSink withSysfs = Collectors.scrape(h, "mdadm");
        assertEquals(1.0, valueOrNull(withSysfs, "node_md_degraded", "md7"));
        assertEquals(2.0, valueOrNull(withSysfs, "node_md_raid_disks", "md7"));
        h.file("sys/block/md7/md/uuid", "");
        java.nio.file.Files.delete(h.path("sys/block/md7/md/uuid"));
        MetricSink partial = new MetricSink();
        assertThrows(NoDataException.class, () -> Collectors.create(h, "mdadm").update(partial));
        assertTrue(valueOrNull(partial, "node_md_blocks", "md7") != null, "mdstat series are kept");
    }
}
