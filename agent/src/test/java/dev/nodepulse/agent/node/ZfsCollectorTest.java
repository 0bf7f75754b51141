package dev.nodepulse.agent.node;

import static dev.nodepulse.agent.node.SinkValues.value;
import static dev.nodepulse.agent.node.FakeHost.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nodepulse.agent.collector.NoDataException;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.metrics.MetricType;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZfsCollectorTest {

    @Test
    void noZfsModuleIsNoData(@TempDir Path root) {
        assertThrows(NoDataException.class, () -> new ZfsCollector(new FakeHost(root).paths).update(new MetricSink()));
    }

    @Test
    void tablesPoolsDatasetsAndStates(@TempDir Path root) throws Exception {
        Path z = root.resolve("proc/spl/kstat/zfs");
        write(z.resolve("arcstats"), "6 1 0x01 3 144 1 2\nname type data\nhits 4 10\nevict_l2-eligible 4 7\nmemory_free 3 -5\n");
        write(z.resolve("tank/io"), "30 3 0x00 1 80 1 2\n"
                + "nread nwritten reads writes wtime wlentime wupdate rtime rlentime rupdate wcnt rcnt\n"
                + "1 2 3 4 5 6 7 8 9 10 11 12\n");
        write(z.resolve("tank/objset-0x36"), "45 1 0x01 7 2160 1 2\nname type data\n"
                + "dataset_name 7 tank/my  data\nwrites 4 12\nnunlinks 3 1\n");
        write(z.resolve("tank/state"), "DEGRADED\n");
        MetricSink sink = new MetricSink();
        new ZfsCollector(new FakeHost(root).paths).update(sink);
        assertEquals(10, value(sink, "node_zfs_arc_hits"));
        assertEquals(MetricType.UNTYPED, sink.get("node_zfs_arc_hits").type());
        assertEquals("kstat.zfs.misc.arcstats.evict_l2-eligible", sink.get("node_zfs_arc_evict_l2_eligible").help());
        assertEquals(-5, value(sink, "node_zfs_arc_memory_free"));
        assertEquals(10, value(sink, "node_zfs_zpool_rupdate", "tank"));
        assertEquals(12, value(sink, "node_zfs_zpool_dataset_writes", "tank", "tank/my  data"));
        // objset rows other than u64 are not published
        assertEquals(null, sink.get("node_zfs_zpool_dataset_nunlinks"));
        assertEquals(1, value(sink, "node_zfs_zpool_state", "tank", "degraded"));
        assertEquals(0, value(sink, "node_zfs_zpool_state", "tank", "online"));
        assertEquals(7, sink.get("node_zfs_zpool_state").size());
    }
}
