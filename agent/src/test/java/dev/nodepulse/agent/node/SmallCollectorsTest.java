package dev.nodepulse.agent.node;

import static dev.nodepulse.agent.node.SinkValues.map;
import static dev.nodepulse.agent.node.SinkValues.run;
import static dev.nodepulse.agent.node.SinkValues.series;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.agent.collector.NoDataException;
import dev.nodepulse.metrics.MetricSink;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** schedstat, softnet, pressure, entropy, filefd and conntrack: one /proc file or two each. */
class SmallCollectorsTest {

    @TempDir
    Path dir;

    @Test
    void schedstat() throws Exception {
        FakeHost h = new FakeHost(dir).proc("schedstat", """
                version 15
                timestamp 15819019232
                cpu0 498494191 0 3533438552 2553969831 3853684107 2465731542 2045936778163039 343796328169361 4767485306
                domain0 00000000,00000003 212499247 210112015 1861015 1860405436 536440 369895 32599 210079416
                cpu1 518377256 0 4155211005 2778589869 10466382 2867629021 1904686152592476 364107263788241 5145567945
                """);
        MetricSink s = run(h.collectors().get("schedstat"));
        assertEquals(map("0", 2045936778163039L / 1e9, "1", 1904686152592476L / 1e9),
                series(s, "node_schedstat_running_seconds_total"));
        assertEquals(map("0", 343796328169361L / 1e9, "1", 364107263788241L / 1e9),
                series(s, "node_schedstat_waiting_seconds_total"));
        assertEquals(map("0", 4767485306L, "1", 5145567945L), series(s, "node_schedstat_timeslices_total"));
        assertEquals("COUNTER [cpu] Number of seconds spent by processing waiting for this CPU.",
                SinkValues.shape(s, "node_schedstat_waiting_seconds_total"));
        h.deleteProc("schedstat");
        assertThrows(NoDataException.class, () -> run(new SchedstatCollector(h.paths)));
    }

    @Test
    void softnet() throws Exception {
        FakeHost h = new FakeHost(dir).proc("net/softnet_stat", """
                00049279 00000000 00000001 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000
                000dfb82 00000029 0000000a 00000000 00000000 00000000 00000000 00000000 00000002 00000007 00000003 00000004 00000005
                """);
        MetricSink s = run(h.collectors().get("softnet"));
        assertEquals(map("0", 0x49279, "5", 0xdfb82), series(s, "node_softnet_processed_total"));
        assertEquals(map("0", 0, "5", 0x29), series(s, "node_softnet_dropped_total"));
        assertEquals(map("0", 1, "5", 10), series(s, "node_softnet_times_squeezed_total"));
        assertEquals(map("0", 0, "5", 2), series(s, "node_softnet_cpu_collision_total"));
        assertEquals(map("0", 0, "5", 7), series(s, "node_softnet_received_rps_total"));
        assertEquals(map("0", 0, "5", 3), series(s, "node_softnet_flow_limit_count_total"));
        assertEquals(map("0", 0, "5", 4), series(s, "node_softnet_backlog_len"));
        assertEquals("GAUGE [cpu] Softnet backlog status", SinkValues.shape(s, "node_softnet_backlog_len"));
        // node_exporter reports a missing file as an error, not as "no data"
        h.deleteProc("net/softnet_stat");
        Exception e = assertThrows(IOException.class, () -> run(new SoftnetCollector(h.paths)));
        assertFalse(e instanceof NoDataException);
    }

    @Test
    void pressureDividesLikeNodeExporter() throws Exception {
        FakeHost h = new FakeHost(dir)
                .proc("pressure/cpu", "some avg10=0.00 avg60=0.00 avg300=0.00 total=14036781\n"
                        + "full avg10=0.00 avg60=0.00 avg300=0.00 total=0\n")
                .proc("pressure/io", "some avg10=0.18 avg60=0.34 avg300=0.10 total=159886802\n"
                        + "full avg10=0.18 avg60=0.34 avg300=0.10 total=159229614\n")
                .proc("pressure/memory", "some avg10=0.00 avg60=0.00 avg300=0.00 total=0\n"
                        + "full avg10=0.00 avg60=0.00 avg300=0.00 total=0\n")
                .proc("pressure/irq", "full avg10=0.00 avg60=0.00 avg300=0.00 total=8494\n");
        MetricSink s = run(h.collectors().get("pressure"));
        // microseconds / 1000 / 1000, bit for bit what node_exporter prints
        assertEquals(14.036781000000001, series(s, "node_pressure_cpu_waiting_seconds_total").get(""));
        assertEquals(159.886802, series(s, "node_pressure_io_waiting_seconds_total").get(""));
        assertEquals(159.229614, series(s, "node_pressure_io_stalled_seconds_total").get(""));
        assertEquals(0.0, series(s, "node_pressure_memory_waiting_seconds_total").get(""));
        assertEquals(0.0, series(s, "node_pressure_memory_stalled_seconds_total").get(""));
        assertEquals(0.008494, series(s, "node_pressure_irq_stalled_seconds_total").get(""));
        assertEquals(6, SinkValues.families(s).size());
        assertEquals("COUNTER [] Total time in seconds no process could make progress due to IRQ congestion",
                SinkValues.shape(s, "node_pressure_irq_stalled_seconds_total"));

        // kernels before 6.1 have no irq file: the rest is still published
        h.deleteProc("pressure/irq");
        assertEquals(5, SinkValues.families(run(new PressureCollector(h.paths))).size());
        // a cpu file without "some": no data
        h.proc("pressure/cpu", "full avg10=0.00 avg60=0.00 avg300=0.00 total=0\n");
        assertThrows(NoDataException.class, () -> run(new PressureCollector(h.paths)));
        // a memory file without "full": no data
        h.proc("pressure/cpu", "some avg10=0.00 avg60=0.00 avg300=0.00 total=1\n");
        h.proc("pressure/memory", "some avg10=0.00 avg60=0.00 avg300=0.00 total=0\n");
        assertThrows(NoDataException.class, () -> run(new PressureCollector(h.paths)));
        // a garbled line is an error
        h.proc("pressure/memory", "some avg10=x\n");
        Exception e = assertThrows(IOException.class, () -> run(new PressureCollector(h.paths)));
        assertFalse(e instanceof NoDataException);
    }

    @Test
    void pressureWithoutPsiIsNoData() throws Exception {
        FakeHost h = new FakeHost(dir);
        assertThrows(NoDataException.class, () -> run(new PressureCollector(h.paths)));
    }

    @Test
    void entropy() throws Exception {
        FakeHost h = new FakeHost(dir).proc("sys/kernel/random/entropy_avail", "1337\n")
                .proc("sys/kernel/random/poolsize", "4096\n");
        MetricSink s = run(h.collectors().get("entropy"));
        assertEquals(1337.0, series(s, "node_entropy_available_bits").get(""));
        assertEquals(4096.0, series(s, "node_entropy_pool_size_bits").get(""));
        assertEquals("GAUGE [] Bits of entropy pool.", SinkValues.shape(s, "node_entropy_pool_size_bits"));
        // without poolsize: an error, after entropy_avail was published
        h.deleteProc("sys/kernel/random/poolsize");
        MetricSink partial = new MetricSink();
        assertThrows(IOException.class, () -> new EntropyCollector(h.paths).update(partial));
        assertEquals(1337.0, series(partial, "node_entropy_available_bits").get(""));
    }

    @Test
    void filefd() throws Exception {
        FakeHost h = new FakeHost(dir).proc("sys/fs/file-nr", "1024\t0\t1631329\n");
        MetricSink s = run(h.collectors().get("filefd"));
        assertEquals(1024.0, series(s, "node_filefd_allocated").get(""));
        assertEquals(1631329.0, series(s, "node_filefd_maximum").get(""));
        assertEquals("GAUGE [] File descriptor statistics: maximum.", SinkValues.shape(s, "node_filefd_maximum"));
        h.proc("sys/fs/file-nr", "1024 0 1631329\n");
        assertThrows(IOException.class, () -> run(new FilefdCollector(h.paths)));
        h.deleteProc("sys/fs/file-nr");
        Exception e = assertThrows(IOException.class, () -> run(new FilefdCollector(h.paths)));
        assertFalse(e instanceof NoDataException);
    }

    @Test
    void conntrackSumsTheCpus() throws Exception {
        FakeHost h = new FakeHost(dir).proc("sys/net/netfilter/nf_conntrack_count", "123\n")
                .proc("sys/net/netfilter/nf_conntrack_max", "65536\n")
                .proc("net/stat/nf_conntrack", """
                        entries  searched found new invalid ignore delete delete_list insert insert_failed drop early_drop icmp_error  expect_new expect_create expect_delete search_restart
                        00000021  00000000 00000001 00000000 00000003 0000588a 00000000 00000000 00000002 00000001 00000004 00000005 00000000  00000000 00000000 00000000 00000000
                        00000021  00000000 00000000 00000000 00000002 000056a4 00000000 00000000 00000001 00000000 00000000 00000001 00000000  00000000 00000000 00000000 00000002
                        """);
        MetricSink s = run(h.collectors().get("conntrack"));
        assertEquals(123.0, series(s, "node_nf_conntrack_entries").get(""));
        assertEquals(65536.0, series(s, "node_nf_conntrack_entries_limit").get(""));
        assertEquals(1.0, series(s, "node_nf_conntrack_stat_found").get(""));
        assertEquals(5.0, series(s, "node_nf_conntrack_stat_invalid").get(""));
        assertEquals((double) (0x588a + 0x56a4), series(s, "node_nf_conntrack_stat_ignore").get(""));
        assertEquals(3.0, series(s, "node_nf_conntrack_stat_insert").get(""));
        assertEquals(1.0, series(s, "node_nf_conntrack_stat_insert_failed").get(""));
        assertEquals(4.0, series(s, "node_nf_conntrack_stat_drop").get(""));
        assertEquals(6.0, series(s, "node_nf_conntrack_stat_early_drop").get(""));
        assertEquals(2.0, series(s, "node_nf_conntrack_stat_search_restart").get(""));
        assertEquals("GAUGE [] Number of packets dropped due to conntrack failure.",
                SinkValues.shape(s, "node_nf_conntrack_stat_drop"));

        // without the per-CPU statistics: the table size is published, then no data
        h.deleteProc("net/stat/nf_conntrack");
        MetricSink partial = new MetricSink();
        assertThrows(NoDataException.class, () -> new ConntrackCollector(h.paths).update(partial));
        assertEquals(123.0, series(partial, "node_nf_conntrack_entries").get(""));
        // module not loaded
        h.deleteProc("sys/net/netfilter/nf_conntrack_count");
        assertThrows(NoDataException.class, () -> run(new ConntrackCollector(h.paths)));
        // present but garbled
        h.proc("sys/net/netfilter/nf_conntrack_count", "lots\n");
        Exception e = assertThrows(IOException.class, () -> run(new ConntrackCollector(h.paths)));
        assertFalse(e instanceof NoDataException);
        assertTrue(e.getMessage().startsWith("failed to retrieve conntrack stats"), e.getMessage());
    }
}
