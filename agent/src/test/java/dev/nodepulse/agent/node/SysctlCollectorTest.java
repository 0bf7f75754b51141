package dev.nodepulse.agent.node;

import static dev.nodepulse.agent.node.SinkValues.value;
import static dev.nodepulse.agent.node.FakeHost.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.metrics.MetricType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SysctlCollectorTest {

    @Test
    void plainIndexedMappedAndInfoForms(@TempDir Path root) throws Exception {
        write(root.resolve("proc/sys/fs/file-nr"), "1024\t0\t1631329\n");
        write(root.resolve("proc/sys/kernel/threads-max"), "7801\n");
        write(root.resolve("proc/sys/kernel/seccomp/actions_avail"), "kill_process trap\n");
        write(root.resolve("proc/sys/kernel/hostname"), "node-1\n");
        MetricSink sink = new MetricSink();
        new SysctlCollector(new FakeHost(root).paths,
                List.of("fs.file-nr", "fs.file-nr:total,current,max", "kernel.threads-max"),
                List.of("kernel.seccomp.actions_avail", "kernel.hostname")).update(sink);
        assertEquals(1631329, value(sink, "node_sysctl_fs_file_nr", "2"));
        assertEquals(1024, value(sink, "node_sysctl_fs_file_nr_total"));
        assertEquals(MetricType.UNTYPED, sink.get("node_sysctl_fs_file_nr_total").type());
        assertEquals("sysctl fs.file-nr, field 2", sink.get("node_sysctl_fs_file_nr_max").help());
        assertEquals(7801, value(sink, "node_sysctl_kernel_threads_max"));
        assertEquals(1, value(sink, "node_sysctl_info", "kernel.seccomp.actions_avail", "trap", "1"));
        assertEquals(1, value(sink, "node_sysctl_info", "kernel.hostname", "node-1", "0"));
    }

    @Test
    void mismatchesAreErrors(@TempDir Path root) throws Exception {
        write(root.resolve("proc/sys/a/one"), "1\n");
        write(root.resolve("proc/sys/a/two"), "1 2\n");
        write(root.resolve("proc/sys/a/empty"), "\n");
        write(root.resolve("proc/sys/a/words"), "x y\n");
        for (var bad : List.of(List.of("a.one:k"), List.of("a.two:k1,k2,k3"), List.of("a.empty"), List.of("a.words"),
                List.of("a.missing"))) {
            IOException e = assertThrows(IOException.class,
                    () -> new SysctlCollector(new FakeHost(root).paths, bad, List.of()).update(new MetricSink()),
                    bad.toString());
            assertTrue(e.getMessage() != null);
        }
        assertThrows(IOException.class, () -> new SysctlCollector(new FakeHost(root).paths, List.of(),
                List.of("a.words:k1,k2")).update(new MetricSink()));
    }

    @Test
    void namesAreSanitizedLikeNodeExporter() {
        assertEquals("node_sysctl_net_ipv4_conf_all_rp_filter",
                SysctlCollector.Selection.of("net.ipv4.conf.all.rp_filter", true).metricName());
        assertEquals("node_sysctl_vm_a_b", SysctlCollector.Selection.of("vm.a_-_b", true).metricName());
    }
}
