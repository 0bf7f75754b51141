package dev.nodepulse.procfs.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.FileTree;
import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.sys.bcachefs.BcachefsReader;
import dev.nodepulse.procfs.sys.bcachefs.BcachefsStats;
import dev.nodepulse.procfs.sys.bcachefs.BcachefsValues;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BcachefsReaderTest {

    private static final long K = 1024;

    @TempDir
    Path tmp;

    private static String text(String name) throws Exception {
        return Fixtures.text("handmade/sys/fs/bcachefs/" + name);
    }

    @Test
    void sizes() {
        assertEquals(3 * K * K * K / 2, BcachefsValues.bytes("1.5G"));
        assertEquals(512 * K * K, BcachefsValues.bytes("512M"));
        assertEquals(720, BcachefsValues.bytes(" 720 "));
        assertEquals(2 * K * K * K * K, BcachefsValues.bytes("2.0T"));
        assertThrows(NumberFormatException.class, () -> BcachefsValues.bytes(""));
        assertThrows(NumberFormatException.class, () -> BcachefsValues.bytes("1.5X"));
    }

    @Test
    void compressionAndBtreeWrites() throws Exception {
        Map<String, BcachefsStats.Compression> c = BcachefsReader.parseCompressionStats(text("compression_stats"), "c");
        assertEquals(5, c.size());
        assertEquals(new BcachefsStats.Compression(3 * K * K * K / 2, 3 * K * K * K, 40 * K), c.get("lz4"));
        assertEquals(new BcachefsStats.Compression(512 * K * K, 2 * K * K * K * K, 128 * K), c.get("zstd"));
        Map<String, BcachefsStats.BtreeWrites> w = BcachefsReader.parseBtreeWriteStats(text("btree_write_stats"), "w");
        assertEquals(new BcachefsStats.BtreeWrites(4500, (long) (2.5 * K)), w.get("init_next_bset"));
        assertEquals(new BcachefsStats.BtreeWrites(1000000, 700), w.get("journal_reclaim"));
        assertThrows(ParseException.class, () -> BcachefsReader.parseCompressionStats("hdr\nlz4 1.0Q 2\n", "c"));
        assertThrows(ParseException.class, () -> BcachefsReader.parseBtreeWriteStats("hdr\ninitial: many 1k\n", "w"));
        assertTrue(BcachefsReader.parseCompressionStats("", "c").isEmpty());
    }

    @Test
    void errorsCountersAndDeviceFiles() throws Exception {
        Map<String, Long> e = BcachefsReader.parseErrors(text("errors"), "e");
        assertEquals(Map.of("btree_node_read_error", 3L, "ptr_to_missing_backpointer", 120L, "inode_unreachable", 1L), e);
        assertThrows(ParseException.class, () -> BcachefsReader.parseErrors("x y\n", "e"));
        assertEquals(98765, BcachefsReader.parseCounterSinceCreation(text("counter"), "c"));
        assertEquals(0, BcachefsReader.parseCounterSinceCreation("since mount: 5\n", "c"));
        assertThrows(ParseException.class, () -> BcachefsReader.parseCounterSinceCreation("count: 5\n", "c"));
        Map<String, Map<String, Long>> done = BcachefsReader.parseIoDone(text("io_done"), "d");
        assertEquals(1099511627776L, done.get("read").get("user"));
        assertEquals(268435456L, done.get("write").get("journal"));
        Map<String, Long> ioErrors = BcachefsReader.parseIoErrors(text("io_errors"), "i");
        assertEquals(Map.of("read", 31L, "write", 2L, "checksum", 7L), ioErrors);
        assertThrows(ParseException.class, () -> BcachefsReader.parseIoDone("read:\nuser: x\n", "d"));
    }

    @Test
    void filesystemTree() throws Exception {
        String fs = "fs/bcachefs/7c1e1d1a-0000-4000-8000-00000000beef/";
        FileTree t = new FileTree(tmp)
                .attr(fs + "btree_cache_size", "1.2G")
                .file(fs + "compression_stats", text("compression_stats"))
                .file(fs + "errors", text("errors"))
                .file(fs + "counters/bucket_alloc", text("counter"))
                .file(fs + "counters/btree_node_read", "since mount: 1\nsince filesystem creation: 2\n")
                .file(fs + "btree_write_stats", text("btree_write_stats"))
                .attr(fs + "dev-0/label", "ssd.fast").attr(fs + "dev-0/state", "rw")
                .attr(fs + "dev-0/bucket_size", "512k").attr(fs + "dev-0/nbuckets", "1907729")
                .attr(fs + "dev-0/durability", "1")
                .file(fs + "dev-0/io_done", text("io_done")).file(fs + "dev-0/io_errors", text("io_errors"))
                .attr("fs/bcachefs/not-a-directory", "x");
        List<BcachefsStats> all = BcachefsReader.read(t.path("fs/bcachefs"));
        assertEquals(1, all.size());
        BcachefsStats s = all.get(0);
        assertEquals("7c1e1d1a-0000-4000-8000-00000000beef", s.uuid());
        assertEquals((long) (1.2 * K * K * K), s.btreeCacheSizeBytes());
        assertEquals(98765L, s.countersSinceCreation().get("bucket_alloc"));
        assertEquals(2L, s.countersSinceCreation().get("btree_node_read"));
        BcachefsStats.Device d = s.devices().get("0");
        assertEquals("ssd.fast", d.label());
        assertEquals(512 * K, d.bucketSizeBytes());
        assertEquals(1907729, d.buckets());
        assertEquals(7L, d.ioErrors().get("checksum"));
        t.attr(fs + "dev-0/nbuckets", "some");
        assertThrows(ParseException.class, () -> BcachefsReader.read(t.path("fs/bcachefs")));
        assertThrows(NoSuchFileException.class, () -> BcachefsReader.read(tmp.resolve("none")));
    }

    @Test
    void bareFilesystemDirectoryHasZeros() throws Exception {
        FileTree t = new FileTree(tmp).dir("fs/bcachefs/aaaa");
        BcachefsStats s = BcachefsReader.read(t.path("fs/bcachefs")).get(0);
        assertEquals(0, s.btreeCacheSizeBytes());
        assertTrue(s.compression().isEmpty() && s.errors().isEmpty() && s.devices().isEmpty());
    }
}
