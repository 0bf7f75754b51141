package dev.nodepulse.agent.node;

import static dev.nodepulse.agent.node.SinkValues.size;
import static dev.nodepulse.agent.node.SinkValues.value;
import static dev.nodepulse.agent.node.FakeHost.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nodepulse.metrics.MetricSink;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MountStatsCollectorTest {

    private static String nfs(String device, String mount, String opsLine) {
        return "device " + device + " mounted on " + mount + " with fstype nfs statvers=1.1\n"
                + "\topts:\trw,vers=3\n\tage:\t100\n"
                + "\tevents:\t1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27\n"
                + "\tbytes:\t10 20 30 40 50 60 70 80\n"
                + "\txprt:\ttcp 900 1 2 0 9007199254740993 6 7 8 9 10 11 12 13\n"
                + "\tper-op statistics\n" + opsLine + "\n";
    }

    @Test
    void sameExportTwiceIsPublishedOnceButEachMountPointHasInfo(@TempDir Path root) throws Exception {
        write(root.resolve("proc/self/mountstats"),
                "device proc mounted on /proc with fstype proc\n"
                        + nfs("s:/e", "/a", "\tREAD: 1 2 3 4 5 18446744073709551615 1500 2500\n")
                        + nfs("s:/e", "/b", "\tREAD: 9 9 9 9 9 9 9 9\n"));
        write(root.resolve("proc/self/mountinfo"),
                "1 0 0:1 / /proc rw - proc proc rw\n"
                        + "2 0 0:2 / /a rw - nfs s:/e rw,addr=10.0.0.1\n"
                        + "3 0 0:3 / /b rw - nfs s:/e rw,addr=10.0.0.1\n");
        MetricSink sink = new MetricSink();
        new MountStatsCollector(new FakeHost(root).paths).update(sink);
        assertEquals(2, size(sink, "node_mountstats_nfs_mountpoint_info"));
        assertEquals(1, value(sink, "node_mountstats_nfs_mountpoint_info", "s:/e", "tcp", "10.0.0.1", "/b"));
        assertEquals(1, size(sink, "node_mountstats_nfs_read_bytes_total"));
        assertEquals(10, value(sink, "node_mountstats_nfs_read_bytes_total", "s:/e", "tcp", "10.0.0.1"));
        // the first mount's counters win
        assertEquals(1, value(sink, "node_mountstats_nfs_operations_requests_total", "s:/e", "tcp", "10.0.0.1", "READ"));
        // u64 milliseconds are folded into 2^53 before the division, like node_exporter
        assertEquals((double) Long.remainderUnsigned(-1L, 1L << 53) / 1000.0,
                value(sink, "node_mountstats_nfs_operations_queue_time_seconds_total", "s:/e", "tcp", "10.0.0.1", "READ"));
        assertEquals(1.5, value(sink, "node_mountstats_nfs_operations_response_time_seconds_total",
                "s:/e", "tcp", "10.0.0.1", "READ"));
        assertEquals(1, value(sink, "node_mountstats_nfs_transport_idle_time_seconds", "s:/e", "tcp", "10.0.0.1", "0"));
        assertEquals(11, value(sink, "node_mountstats_nfs_transport_maximum_rpc_slots", "s:/e", "tcp", "10.0.0.1", "0"));
        assertEquals(100, value(sink, "node_mountstats_nfs_age_seconds_total", "s:/e", "tcp", "10.0.0.1"));
        assertEquals(27, value(sink, "node_mountstats_nfs_event_pnfs_write_total", "s:/e", "tcp", "10.0.0.1"));
    }

    @Test
    void noMountinfoLineMeansEmptyAddressAndMissingFilesAreErrors(@TempDir Path root) throws Exception {
        write(root.resolve("proc/self/mountstats"), nfs("s:/e", "/a", "\tNULL: 0 0 0 0 0 0 0 0\n"));
        write(root.resolve("proc/self/mountinfo"), "");
        MetricSink sink = new MetricSink();
        new MountStatsCollector(new FakeHost(root).paths).update(sink);
        assertEquals(1, value(sink, "node_mountstats_nfs_mountpoint_info", "s:/e", "tcp", "", "/a"));
        assertThrows(java.io.IOException.class,
                () -> new MountStatsCollector(new FakeHost(root.resolve("nothing")).paths).update(new MetricSink()));
    }
}
