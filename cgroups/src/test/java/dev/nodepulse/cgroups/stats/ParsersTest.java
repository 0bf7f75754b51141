package dev.nodepulse.cgroups.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.ParseException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cgroupfs and /proc parsers on text in the kernel's formats, including malformed and empty input. */
class ParsersTest {

    @Test
    void memoryStatKeyValues() throws Exception {
        Map<String, Long> m = KeyValueParser.parse("cache 2097152\nrss 4194304\ntotal_inactive_file 786432\n"
                + "hierarchical_memory_limit 9223372036854771712\n", "memory.stat");
        assertEquals(2097152L, m.get("cache"));
        assertEquals(786432L, m.get("total_inactive_file"));
        assertEquals(9223372036854771712L, m.get("hierarchical_memory_limit"));
        assertTrue(KeyValueParser.parse("", "empty").isEmpty());
        // u64 beyond a signed long (an unlimited hierarchical limit on some kernels) is clamped, not an error.
        assertEquals(Long.MAX_VALUE, KeyValueParser.parse("x 18446744073709551615\n", "f").get("x"));
        ParseException e = assertThrows(ParseException.class,
                () -> KeyValueParser.parse("cache 1\nrss\n", "memory.stat"));
        assertTrue(e.getMessage().contains("memory.stat:2"), e.getMessage());
        assertThrows(ParseException.class, () -> KeyValueParser.parse("cache 1x\n", "memory.stat"));
    }

    @Test
    void singleValues() throws Exception {
        assertEquals(CgroupSpec.UNLIMITED, KeyValueParser.parseSingle("max\n", "pids.max"));
        assertEquals(-1, KeyValueParser.parseSingle("-1\n", "cpu.cfs_quota_us"));
        assertEquals(123, KeyValueParser.parseSingle("123\n", "memory.current"));
        assertThrows(ParseException.class, () -> KeyValueParser.parseSingle("\n", "memory.current"));
    }

    @Test
    void v1BlkioWithTotals() throws Exception {
        List<BlkioEntry> l = BlkioParser.parseV1("8:0 Read 4096\n8:0 Write 8192\n8:0 Total 12288\nTotal 12288\n",
                "blkio.throttle.io_service_bytes_recursive");
        assertEquals(List.of(new BlkioEntry(8, 0, "Read", 4096), new BlkioEntry(8, 0, "Write", 8192),
                new BlkioEntry(8, 0, "Total", 12288)), l);
        assertEquals(List.of(new BlkioEntry(253, 1, "", 77)), BlkioParser.parseV1("253:1 77\n", "blkio.sectors_recursive"));
        assertTrue(BlkioParser.parseV1("", "x").isEmpty());
        assertThrows(ParseException.class, () -> BlkioParser.parseV1("8-0 Read 1\n", "x"));
    }

    @Test
    void v2IoStat() throws Exception {
        BlkioStats s = BlkioParser.parseV2("8:0 rbytes=1024 wbytes=2048 rios=3 wios=4 dbytes=0 dios=0 cost.usage=50 "
                + "cost.wait=6 cost.indebt=7 cost.indelay=8\n", "io.stat");
        assertEquals(List.of(new BlkioEntry(8, 0, "Read", 1024), new BlkioEntry(8, 0, "Write", 2048)), s.serviceBytes());
        assertEquals(List.of(new BlkioEntry(8, 0, "Read", 3), new BlkioEntry(8, 0, "Write", 4)), s.serviced());
        assertEquals(List.of(new BlkioEntry(8, 0, "Count", 50)), s.costUsage());
        assertEquals(List.of(new BlkioEntry(8, 0, "Count", 8)), s.costIndelay());
        assertThrows(ParseException.class, () -> BlkioParser.parseV2("8:0 rbytes\n", "io.stat"));
    }

    @Test
    void pressure() throws Exception {
        Psi p = PsiParser.parse("some avg10=0.00 avg60=0.10 avg300=0.05 total=12345\n"
                + "full avg10=0.00 avg60=0.00 avg300=0.00 total=678\n", "cpu.pressure");
        assertEquals(new Psi(12345, 678, 0.00, 0.10, 0.05, 0, 0, 0), p);
        assertEquals(new Psi(9, 4, 1.5, 22.25, 100.00, 0.75, 3.0, 7.5), PsiParser.parse(
                "some avg10=1.50 avg60=22.25 avg300=100.00 total=9\nfull avg10=0.75 avg60=3.00 avg300=7.50 total=4\n",
                "io.pressure"));
        // Older kernels' cpu.pressure has only the "some" line.
        assertEquals(new Psi(5, 0, 0.01, 0.02, 0.03, 0, 0, 0),
                PsiParser.parse("some avg10=0.01 avg60=0.02 avg300=0.03 total=5\n", "cpu.pressure"));
        assertThrows(ParseException.class, () -> PsiParser.parse("some avg10=0.00\n", "cpu.pressure"));
        assertThrows(ParseException.class, () -> PsiParser.parse("some avg10=x avg60=0 avg300=0 total=1\n", "cpu.pressure"));
        assertThrows(ParseException.class, () -> PsiParser.parse("", "cpu.pressure"));
    }

    @Test
    void netDevDropsCadvisorsIgnoredInterfaces() throws Exception {
        String text = "Inter-|   Receive                                                |  Transmit\n"
                + " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n"
                + "    lo:     100       2    0    0    0     0          0         0      100       2    0    0    0     0       0          0\n"
                + "  eth0: 8450 60 1 2 0 0 0 0 4200 30 3 4 0 0 0 0\n"
                + "vethab12: 1 1 0 0 0 0 0 0 1 1 0 0 0 0 0 0\n"
                + "Docker0: 1 1 0 0 0 0 0 0 1 1 0 0 0 0 0 0\n";
        assertEquals(List.of(new InterfaceStats("eth0", 8450, 60, 1, 2, 4200, 30, 3, 4)), NetDevParser.parse(text, "net/dev"));
        assertTrue(NetDevParser.parse("h1\nh2\n", "net/dev").isEmpty());
        assertThrows(ParseException.class, () -> NetDevParser.parse("h1\nh2\n  eth0: 1 2 3\n", "net/dev"));
    }

    @Test
    void selectPicksKeysAndChecksEveryLine() throws Exception {
        KeyValueParser.Keys keys = new KeyValueParser.Keys("total_rss", "pgfault", "absent");
        long[] v = new long[3];
        int lines = KeyValueParser.select(FileBytes.of("rss 1\ntotal_rss 4194304\npgfault 7\npgfault 9 \r\n\n"
                + "total_cache 18446744073709551615\n"), keys, v, "memory.stat");
        assertEquals(5, lines);
        assertEquals(4194304L, v[0]);
        assertEquals(9L, v[1], "a later line with the same key wins, as in parse()");
        assertEquals(KeyValueParser.MISSING, v[2]);
        assertEquals(0, KeyValueParser.select(FileBytes.of(""), keys, v, "empty"));
        assertEquals(KeyValueParser.MISSING, v[0]);
        ParseException e = assertThrows(ParseException.class,
                () -> KeyValueParser.select(FileBytes.of("total_rss 1\nrss\n"), keys, new long[3], "memory.stat"));
        assertTrue(e.getMessage().contains("memory.stat:2") && e.getMessage().contains("\"rss\""), e.getMessage());
        // A malformed line the caller does not ask for is still an error.
        e = assertThrows(ParseException.class,
                () -> KeyValueParser.select(FileBytes.of("other 1x\n"), keys, new long[3], "memory.stat"));
        assertTrue(e.getMessage().contains("\"1x\""), e.getMessage());
        assertThrows(ParseException.class,
                () -> KeyValueParser.select(FileBytes.of("total_rss \n"), keys, new long[3], "memory.stat"));
    }

    @Test
    void singleValuesFromBytes() throws Exception {
        assertEquals(CgroupSpec.UNLIMITED, KeyValueParser.parseSingle(FileBytes.of(" max\n"), "memory.max"));
        assertEquals(-1, KeyValueParser.parseSingle(FileBytes.of("-1\n"), "cpu.cfs_quota_us"));
        assertEquals(123, KeyValueParser.parseSingle(FileBytes.of("123\n"), "memory.current"));
        assertEquals(Long.MAX_VALUE, KeyValueParser.parseSingle(FileBytes.of("18446744073709551615\n"), "x"));
        assertThrows(ParseException.class, () -> KeyValueParser.parseSingle(FileBytes.of("\n"), "memory.current"));
        assertThrows(ParseException.class, () -> KeyValueParser.parseSingle(FileBytes.of("-x\n"), "memory.current"));
        assertThrows(ParseException.class, () -> KeyValueParser.parseSingle(FileBytes.of("12 3\n"), "memory.current"));
        assertTrue(FileBytes.of(" \n").isBlank());
    }

    @Test
    void blkioOddShapes() throws Exception {
        // Tabs between fields, an op the parser has no constant for, a device table without ops.
        assertEquals(List.of(new BlkioEntry(8, 16, "Flush", 3), new BlkioEntry(8, 16, "Read", 5)),
                BlkioParser.parseV1("8:16\tFlush 3\n8:16 Read\t5\nTotal 8\n", "x"));
        assertThrows(ParseException.class, () -> BlkioParser.parseV1("8:0\n", "x"));
        assertThrows(ParseException.class, () -> BlkioParser.parseV1("8:0 Read x\n", "x"));
        BlkioStats s = BlkioParser.parseV2("8:0 rbytes=1 wbytes=2 rios=3 wios=4 dbytes=5 dios=6\n"
                + "253:1 rbytes=10 wbytes=20 rios=30 wios=40\n\n", "io.stat");
        assertEquals(List.of(new BlkioEntry(8, 0, "Read", 1), new BlkioEntry(8, 0, "Write", 2),
                new BlkioEntry(253, 1, "Read", 10), new BlkioEntry(253, 1, "Write", 20)), s.serviceBytes());
        assertTrue(s.costUsage().isEmpty());
        assertThrows(ParseException.class, () -> BlkioParser.parseV2("8:x rbytes=1\n", "io.stat"));
        assertThrows(ParseException.class, () -> BlkioParser.parseV2("8 rbytes=1\n", "io.stat"));
        assertThrows(ParseException.class, () -> BlkioParser.parseV2("8:0 rbytes=-1\n", "io.stat"));
    }

    @Test
    void pressureAveragesAsDoubleParsesThem() throws Exception {
        // The averages are scanned by hand; every shape must give what Double.parseDouble gives.
        for (String avg : new String[] {"0.00", "0.01", "99.99", "100.00", "7", "1.", ".5", "12.3456789012345",
            "1234567890.1234567", "1e2", "0.10000000000000001"}) {
            Psi p = PsiParser.parse("some avg10=" + avg + " avg60=0 avg300=0 total=1\n", "cpu.pressure");
            assertEquals(Double.parseDouble(avg), p.someAvg10(), avg);
        }
        assertThrows(ParseException.class, () -> PsiParser.parse("some avg10=. avg60=0 avg300=0 total=1\n", "x"));
        assertThrows(ParseException.class, () -> PsiParser.parse("bogus avg10=1\n", "x"));
        assertEquals(new Psi(3, 0), PsiParser.parse("\nsome\ttotal=3\n", "x"));
    }

    @Test
    void keptFilesFollowTheirContentAndForgetRemovedCgroups(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        OpenFiles files = new OpenFiles(10);
        OpenFiles.Cgroup a = files.cgroup("/a");
        java.nio.file.Files.writeString(dir.resolve("memory.current"), "100\n");
        assertEquals("100\n", a.read(dir, "memory.current").toString());
        assertEquals(1, files.openCount());
        java.nio.file.Files.writeString(dir.resolve("memory.current"), "2000\n");
        assertEquals("2000\n", a.read(dir, "memory.current").toString());
        assertNull(a.read(dir, "memory.peak"));
        assertEquals(1, files.openCount(), "an absent file is remembered without an fd");
        files.retain(java.util.Set.of());
        assertEquals(0, files.openCount());
        // With no budget left, files are read the ordinary way.
        OpenFiles none = new OpenFiles(0);
        assertEquals("2000\n", none.cgroup("/a").read(dir, "memory.current").toString());
        assertEquals(0, none.openCount());
    }

    @Test
    void keptFilesLargerThanTheBufferAndPidLists(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        StringBuilder procs = new StringBuilder();
        for (int pid = 100_000; pid < 130_000; pid++) {
            procs.append(pid).append('\n');
        }
        java.nio.file.Files.writeString(dir.resolve("cgroup.procs"), procs);
        OpenFiles files = new OpenFiles(10);
        for (int round = 0; round < 2; round++) {
            int[] pids = new ProcReader(dir).pids(files.cgroup("/big"), dir);
            assertEquals(30_000, pids.length);
            assertEquals(100_000, pids[0]);
            assertEquals(129_999, pids[29_999]);
        }
        java.nio.file.Files.writeString(dir.resolve("cgroup.procs"), "");
        assertEquals(0, new ProcReader(dir).pids(files.cgroup("/big"), dir).length);
        files.close();
    }

    @Test
    void absentCpuControllerIsNull() throws Exception {
        // A PSI file the kernel refuses to read (psi=0) is "not offered", not an error.
        assertNull(CgroupFiles.optional(new OpenFiles(10).cgroup("/x"), java.nio.file.Path.of("/nonexistent-np"),
                "cpu.pressure"));
    }
}
