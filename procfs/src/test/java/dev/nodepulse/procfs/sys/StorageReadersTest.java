package dev.nodepulse.procfs.sys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.FileTree;
import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.sys.bcache.BcacheReader;
import dev.nodepulse.procfs.sys.bcache.BcacheStats;
import dev.nodepulse.procfs.sys.bcache.BcacheValues;
import dev.nodepulse.procfs.sys.bcache.PriorityStats;
import dev.nodepulse.procfs.sys.bcache.WritebackRateDebug;
import dev.nodepulse.procfs.sys.btrfs.BtrfsReader;
import dev.nodepulse.procfs.sys.btrfs.BtrfsStats;
import dev.nodepulse.procfs.sys.xfs.XfsReader;
import dev.nodepulse.procfs.sys.xfs.XfsStats;
import dev.nodepulse.procfs.sys.xfs.XfsStatsParser;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Filesystem and cache statistics from sysfs: XFS, btrfs, bcache. */
class StorageReadersTest {

    @TempDir
    Path tmp;

    @Test
    void xfsStatsGroups() throws Exception {
        XfsStats s = XfsStatsParser.parse("sdb1", Fixtures.text("handmade/sys/fs/xfs/stats"), "stats");
        assertArrayEquals(new long[] {411, 9981, 37, 2055}, s.extentAllocation());
        assertArrayEquals(new long[] {11, 22, 33, 44}, s.allocationBtree());
        assertArrayEquals(new long[] {5123, 2240, 19, 301, 77, 8102, 15}, s.blockMapping());
        assertArrayEquals(new long[] {5, 6, 7, 8}, s.blockMapBtree());
        assertArrayEquals(new long[] {610, 44, 21, 7712}, s.directoryOperation());
        assertArrayEquals(new long[] {9120, 8701, 3, 419, 1, 88, 560}, s.inodeOperation());
        assertArrayEquals(new long[] {72001, 150433}, s.readWrite());
        assertArrayEquals(new long[] {301, 0, 0, 0, 410, 410, 410, 0}, s.vnode());
    }

    @Test
    void xfsRejectsWrongCountsAndValues() throws Exception {
        assertThrows(ParseException.class, () -> XfsStatsParser.parse("d", "abt 1 2 3\n", "s"));
        assertThrows(ParseException.class, () -> XfsStatsParser.parse("d", "vnodes 1 2 3 4 5 6\n", "s"));
        assertThrows(ParseException.class, () -> XfsStatsParser.parse("d", "rw 4294967296 1\n", "s"));
        assertThrows(ParseException.class, () -> XfsStatsParser.parse("d", "newfield x\n", "s"));
        assertEquals(0, XfsStatsParser.parse("d", "xpc 4294967296 1 2\nnewfield 9 9\n", "s").readWrite()[0]);
        assertEquals(0, XfsStatsParser.parse("d", "", "s").extentAllocation()[0]);
    }

    @Test
    void xfsDevicesFromSysfs() throws Exception {
        FileTree t = new FileTree(tmp).file("fs/xfs/nvme0n1p2/stats/stats", Fixtures.text("handmade/sys/fs/xfs/stats"))
                .dir("fs/xfs/loop0").file("fs/xfs/stats/stats", "rw 1 2\n");
        List<XfsStats> all = XfsReader.read(t.path("fs/xfs"));
        assertEquals(1, all.size());
        assertEquals("nvme0n1p2", all.get(0).device());
        assertTrue(XfsReader.read(tmp.resolve("none")).isEmpty());
    }

    @Test
    void capturedKernelFilesParse() throws Exception {
        Path sys = Fixtures.path("host-capture/sys");
        String stats = Fixtures.text("host-capture/sys/fs/xfs/loop1/stats/stats");
        XfsStats x = XfsReader.read(sys.resolve("fs/xfs")).get(0);
        assertEquals("loop1", x.device());
        String rw = stats.lines().filter(l -> l.startsWith("rw ")).findFirst().orElseThrow();
        assertEquals(Long.parseLong(rw.split(" ")[1]), x.readWrite()[0]);

        BtrfsStats b = BtrfsReader.read(sys.resolve("fs/btrfs")).get(0);
        Path dir = sys.resolve("fs/btrfs").resolve(b.uuid());
        assertEquals(SmallFiles.readTrimmed(dir.resolve("label")), b.label());
        assertEquals(Long.parseLong(SmallFiles.readTrimmed(dir.resolve("allocation/data/single/total_bytes"))),
                b.data().layouts().get("single").totalBytes());
        assertTrue(b.deviceSizeBytes().values().stream().allMatch(v -> v > 0));
    }

    private FileTree btrfs(String uuid) {
        String p = "fs/btrfs/" + uuid + "/";
        FileTree t = new FileTree(tmp)
                .attr(p + "label", "data").attr(p + "devices/sda/size", "209715200")
                .attr(p + "devices/sdb/size", "209715200").attr(p + "devices/sdc/size", "104857600")
                .attr(p + "allocation/global_rsv_size", "536870912")
                .file(p + "commit_stats", "commits 1200\nlast_commit_ms 40\nmax_commit_ms 2500\ntotal_commit_ms 90000\n");
        for (String type : new String[] {"data", "metadata", "system"}) {
            t.attr(p + "allocation/" + type + "/bytes_reserved", "4096");
        }
        t.attr(p + "allocation/data/raid5/total_bytes", "3000").attr(p + "allocation/data/raid5/used_bytes", "1000")
                .attr(p + "allocation/metadata/raid1c3/total_bytes", "600")
                .attr(p + "allocation/metadata/raid1c3/used_bytes", "oops")
                .attr(p + "allocation/system/single/total_bytes", "8");
        return t;
    }

    @Test
    void btrfsFilesystem() throws Exception {
        FileTree t = btrfs("4c7a1e2b-0f1d-4c6e-9d38-1f2a3b4c5d6e");
        t.attr("fs/btrfs/features/free_space_tree", "0");
        List<BtrfsStats> all = BtrfsReader.read(t.path("fs/btrfs"));
        assertEquals(1, all.size());
        BtrfsStats s = all.get(0);
        assertEquals("4c7a1e2b-0f1d-4c6e-9d38-1f2a3b4c5d6e", s.uuid());
        assertEquals("data", s.label());
        assertEquals(536870912L, s.globalRsvSize());
        assertEquals(209715200L * 512, s.deviceSizeBytes().get("sda"));
        assertEquals(1200, s.commits());
        assertEquals(2500, s.maxCommitMs());
        assertEquals(4096, s.data().reservedBytes());
        assertEquals(new BtrfsStats.Layout(1000, 3000, 3.0 / 2.0), s.data().layouts().get("raid5"));
        assertEquals(new BtrfsStats.Layout(0, 600, 3), s.metadata().layouts().get("raid1c3"));
        assertEquals(1.0, s.system().layouts().get("single").ratio());
    }

    @Test
    void btrfsMetadataUuidAndFailures() throws Exception {
        FileTree t = btrfs("4c7a1e2b-0f1d-4c6e-9d38-1f2a3b4c5d6e");
        t.attr("fs/btrfs/4c7a1e2b-0f1d-4c6e-9d38-1f2a3b4c5d6e/metadata_uuid", "11111111-2222-3333-4444-555555555555");
        assertEquals("11111111-2222-3333-4444-555555555555", BtrfsReader.read(t.path("fs/btrfs")).get(0).uuid());
        t.file("fs/btrfs/4c7a1e2b-0f1d-4c6e-9d38-1f2a3b4c5d6e/commit_stats", "commits\n");
        assertThrows(ParseException.class, () -> BtrfsReader.read(t.path("fs/btrfs")));
        FileTree u = new FileTree(tmp.resolve("x")).attr("fs/btrfs/aa-bb/label", "x");
        assertThrows(NoSuchFileException.class, () -> BtrfsReader.read(u.path("fs/btrfs")));
        assertTrue(BtrfsReader.read(tmp.resolve("none")).isEmpty());
    }

    @Test
    void bcacheHumanReadableValues() {
        assertEquals(1150976, BcacheValues.dehumanize("1.1M"));
        assertEquals(12, BcacheValues.dehumanize("12"));
        assertEquals((long) (20.390625 * (1L << 30)), BcacheValues.dehumanize("20.4G"));
        assertEquals(-(long) ((12 + 5 / 10.24) * 1024), BcacheValues.dehumanizeSigned("-12.5k"));
        assertEquals(0, BcacheValues.dehumanize("3x"));
        assertThrows(NumberFormatException.class, () -> BcacheValues.dehumanize(""));
        assertThrows(NumberFormatException.class, () -> BcacheValues.dehumanize("a.bk"));
    }

    @Test
    void bcacheDebugFiles() throws Exception {
        WritebackRateDebug w = BcacheReader.parseWritebackRateDebug(
                Fixtures.text("handmade/sys/fs/bcache/writeback_rate_debug"), "wrd");
        assertEquals((long) ((2 + 5 / 10.24) * (1 << 20)), w.rate());
        assertEquals(1L << 30, w.dirty());
        assertEquals((long) ((10 + 2 / 10.24) * (1L << 30)), w.target());
        assertEquals(-(long) ((12 + 5 / 10.24) * 1024), w.proportional());
        assertEquals(3072, w.integral());
        assertEquals(-(long) ((1 + 1 / 10.24) * 1024), w.change());
        assertEquals(42, w.nextIoMs());
        assertEquals(new PriorityStats(87, 1),
                BcacheReader.parsePriorityStats(Fixtures.text("handmade/sys/fs/bcache/priority_stats"), "ps"));
        assertThrows(ParseException.class, () -> BcacheReader.parseWritebackRateDebug("rate: fast/sec\n", "wrd"));
        assertThrows(ParseException.class, () -> BcacheReader.parsePriorityStats("Unused: most%\n", "ps"));
        assertEquals(new PriorityStats(0, 0), BcacheReader.parsePriorityStats("", "ps"));
    }

    @Test
    void bcacheCacheSet() throws Exception {
        String set = "fs/bcache/0f3d9c1e-1c2b-4b7a-9e55-5a1e2d3c4b5a/";
        FileTree t = new FileTree(tmp)
                .attr(set + "average_key_size", "16.0k").attr(set + "cache_available_percent", "96")
                .attr(set + "internal/btree_read_average_duration_us", "980")
                .attr(set + "bdev0/dirty_data", "1.5M")
                .file(set + "bdev0/writeback_rate_debug", Fixtures.text("handmade/sys/fs/bcache/writeback_rate_debug"))
                .attr(set + "bdev0/stats_total/cache_hits", "1234").attr(set + "bdev0/stats_total/cache_readaheads", "0")
                .attr(set + "cache0/written", "2.0G")
                .file(set + "cache0/priority_stats", Fixtures.text("handmade/sys/fs/bcache/priority_stats"));
        List<BcacheStats> all = BcacheReader.read(t.path("fs/bcache"), true);
        BcacheStats s = all.get(0);
        assertEquals("0f3d9c1e-1c2b-4b7a-9e55-5a1e2d3c4b5a", s.uuid());
        assertEquals(16384, s.averageKeySize());
        assertEquals(96, s.cacheAvailablePercent());
        assertEquals(0, s.treeDepth());
        assertEquals(980, s.btreeReadAverageDuration());
        BcacheStats.BackingDevice b = s.backingDevices().get(0);
        assertEquals("bdev0", b.name());
        assertEquals((long) ((1 + 5 / 10.24) * (1 << 20)), b.dirtyData());
        assertEquals(1234, b.total().cacheHits());
        assertEquals(42, b.writebackRateDebug().nextIoMs());
        BcacheStats.CacheDevice c = s.cacheDevices().get(0);
        assertEquals(2L << 30, c.written());
        assertEquals(87, c.priority().unusedPercent());
        assertNull(BcacheReader.read(t.path("fs/bcache"), false).get(0).cacheDevices().get(0).priority());
        t.file(set + "congested", "");
        assertThrows(ParseException.class, () -> BcacheReader.read(t.path("fs/bcache"), false));
        assertTrue(BcacheReader.read(tmp.resolve("none"), false).isEmpty());
    }
}
