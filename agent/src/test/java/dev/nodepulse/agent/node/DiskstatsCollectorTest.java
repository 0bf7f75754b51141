package dev.nodepulse.agent.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.metrics.MetricType;
import dev.nodepulse.procfs.HostPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskstatsCollectorTest {

    private static MetricSink scrape(String... args) throws Exception {
        return SinkValues.run(NodeFixtures.create(DiskstatsCollector.SPEC, NodeFixtures.paths(), args));
    }

    @Test
    void publishesTheColumnsEachDeviceHasInBaseUnits() throws Exception {
        MetricSink sink = scrape();
        // Partitions, loop devices and RAM disks are excluded by default.
        assertEquals(Set.of(List.of("sda"), List.of("sdb"), List.of("dm-0"), List.of("nvme0n1")),
                SinkValues.samples(sink, "node_disk_reads_completed_total").keySet());

        assertEquals(25354637.0, SinkValues.samples(sink, "node_disk_reads_completed_total").get(List.of("sda")));
        assertEquals(34367663.0, SinkValues.samples(sink, "node_disk_reads_merged_total").get(List.of("sda")));
        assertEquals(1003346126.0 * 512, SinkValues.samples(sink, "node_disk_read_bytes_total").get(List.of("sda")));
        assertEquals(18492.372, SinkValues.samples(sink, "node_disk_read_time_seconds_total").get(List.of("sda")), 1e-9);
        assertEquals(505697032.0 * 512, SinkValues.samples(sink, "node_disk_written_bytes_total").get(List.of("sda")));
        assertEquals(63877.96, SinkValues.samples(sink, "node_disk_write_time_seconds_total").get(List.of("sda")), 1e-9);
        assertEquals(3.0, SinkValues.samples(sink, "node_disk_io_now").get(List.of("sda")));
        assertEquals(9653.88, SinkValues.samples(sink, "node_disk_io_time_seconds_total").get(List.of("sda")), 1e-9);
        assertEquals(82621.804, SinkValues.samples(sink, "node_disk_io_time_weighted_seconds_total").get(List.of("sda")), 1e-9);

        // Discard columns only for the devices whose line has them; discarded sectors stay sectors.
        assertEquals(Set.of(List.of("sdb"), List.of("dm-0")),
                SinkValues.samples(sink, "node_disk_discarded_sectors_total").keySet());
        assertEquals(1925173784.0, SinkValues.samples(sink, "node_disk_discarded_sectors_total").get(List.of("sdb")));
        assertEquals(11.13, SinkValues.samples(sink, "node_disk_discard_time_seconds_total").get(List.of("sdb")), 1e-9);
        assertEquals(Map.of(List.of("dm-0"), 16.0), SinkValues.samples(sink, "node_disk_flush_requests_total"));
        assertEquals(Map.of(List.of("dm-0"), 0.017), SinkValues.samples(sink, "node_disk_flush_requests_time_seconds_total"));

        assertEquals(MetricType.GAUGE, sink.get("node_disk_io_now").type());
        assertEquals(MetricType.COUNTER, sink.get("node_disk_reads_completed_total").type());
    }

    @Test
    void labelsDisksFromUdevAndSysfs() throws Exception {
        Map<List<String>, Double> info = SinkValues.samples(scrape(), "node_disk_info");
        assertEquals(Map.of(
                List.of("sda", "8", "0", "pci-0000:3b:00.0-sas-phy7-lun-0", "0x7c72382b8de36a64", "TOSHIBA_KSDB4U86",
                        "2160A0D5FVGG", "0102", "1"), 1.0,
                List.of("sdb", "8", "16", "", "", "SuperMicro_SSD", "SMC0E1B87ABBB16BD84E", "", "0"), 1.0,
                List.of("dm-0", "252", "0", "", "", "", "", "", "0"), 1.0,
                List.of("nvme0n1", "259", "0", "", "", "SAMSUNG EHFTF55LURSY-000Y9",
                        "SAMSUNG_EHFTF55LURSY-000Y9_S252B6CU1HG3M1", "", "0"), 1.0), info);
    }

    @Test
    void filesystemDeviceMapperAndAtaFamiliesFollowUdev() throws Exception {
        MetricSink sink = scrape();
        assertEquals(Map.of(
                List.of("sda", "LVM2_member", "raid", "cVVv6j-HSA2-IY33-1Jmj-dO2H-YL7w-b4Oxqw", "LVM2 001"), 1.0,
                List.of("dm-0", "ext4", "filesystem", "3deafd0d-faff-4695-8d15-51061ae1f51b", "1.0"), 1.0),
                SinkValues.samples(sink, "node_disk_filesystem_info"));
        assertEquals(Map.of(List.of("dm-0", "system-root",
                        "LVM-NWEDo8q5ABDyJuC3F8veKNyWfYmeIBfFMS4MF3HakzUhkk7ekDm6fJTHkl2fYHe7", "system", "root", ""), 1.0),
                SinkValues.samples(sink, "node_disk_device_mapper_info"));
        assertEquals(Map.of(List.of("sda"), 1.0, List.of("sdb"), 1.0),
                SinkValues.samples(sink, "node_disk_ata_write_cache"));
        assertEquals(Map.of(List.of("sda"), 0.0), SinkValues.samples(sink, "node_disk_ata_write_cache_enabled"));
        // sdb's rotation rate is not a number: skipped, as node_exporter skips it.
        assertEquals(Map.of(List.of("sda"), 7200.0), SinkValues.samples(sink, "node_disk_ata_rotation_rate_rpm"));
    }

    @Test
    void includeFilterAndOldExcludeName() throws Exception {
        assertEquals(Set.of(List.of("sda1"), List.of("nvme0n1p1")), SinkValues.samples(
                scrape("--collector.diskstats.device-include=(a|p)1$"), "node_disk_reads_completed_total").keySet());
        assertEquals(Set.of(List.of("loop0"), List.of("sda"), List.of("sda1"), List.of("nvme0n1"), List.of("nvme0n1p1")),
                SinkValues.samples(scrape("--collector.diskstats.ignored-devices=^(sdb|dm-0)$"),
                        "node_disk_reads_completed_total").keySet());
        assertThrows(IllegalArgumentException.class, () -> NodeFixtures.create(DiskstatsCollector.SPEC,
                NodeFixtures.paths(), "--collector.diskstats.device-include=sd", "--collector.diskstats.device-exclude=x"));
    }

    @Test
    void withoutUdevDataTheLabelsAreEmpty(@TempDir Path dir) throws Exception {
        HostPaths f = NodeFixtures.paths();
        HostPaths noUdev = new HostPaths(f.procfs(), f.sysfs(), f.rootfs(), dir.resolve("missing"));
        MetricSink sink = SinkValues.run(NodeFixtures.create(DiskstatsCollector.SPEC, noUdev));
        assertEquals(1.0, SinkValues.samples(sink, "node_disk_info")
                .get(List.of("sda", "8", "0", "", "", "", "", "", "1")));
        assertFalse(SinkValues.families(sink).contains("node_disk_filesystem_info"));
        assertFalse(SinkValues.families(sink).contains("node_disk_ata_write_cache"));
    }

    @Test
    void missingOrMalformedDiskstatsFailTheCollector(@TempDir Path dir) throws Exception {
        HostPaths paths = new HostPaths(dir, dir, dir, dir);
        Exception missing = assertThrows(Exception.class,
                () -> SinkValues.run(NodeFixtures.create(DiskstatsCollector.SPEC, paths)));
        assertTrue(missing.getMessage().startsWith("couldn't get diskstats"), missing.getMessage());
        Files.writeString(dir.resolve("diskstats"), "8 0 sda 1 2 three 4 5 6 7 8 9 10 11\n");
        assertThrows(Exception.class, () -> SinkValues.run(NodeFixtures.create(DiskstatsCollector.SPEC, paths)));
        Files.writeString(dir.resolve("diskstats"), "");
        assertEquals(List.of(), SinkValues.families(
                SinkValues.run(NodeFixtures.create(DiskstatsCollector.SPEC, paths))));
    }
}
