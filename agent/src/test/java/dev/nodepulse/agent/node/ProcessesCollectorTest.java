package dev.nodepulse.agent.node;

import static dev.nodepulse.agent.node.SinkValues.value;
import static dev.nodepulse.agent.node.FakeHost.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.metrics.MetricSink;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessesCollectorTest {

    private static String stat(int pid, String comm, char state, int threads) {
        return pid + " (" + comm + ") " + state + " 1 1 1 0 -1 4194560 0 0 0 0 5 6 0 0 20 0 " + threads
                + " 0 29 1000 20 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0\n";
    }

    @Test
    void countsProcessesAndThreadsAndSkipsOnesThatVanished(@TempDir Path root) throws Exception {
        Path proc = root.resolve("proc");
        write(proc.resolve("sys/kernel/threads-max"), "7801\n");
        write(proc.resolve("sys/kernel/pid_max"), "4194304\n");
        write(proc.resolve("1/stat"), stat(1, "init (x) y", 'S', 1));
        write(proc.resolve("1/task/1/stat"), stat(1, "init", 'S', 1));
        write(proc.resolve("7/stat"), stat(7, "worker", 'R', 3));
        write(proc.resolve("7/task/7/stat"), stat(7, "worker", 'R', 3));
        write(proc.resolve("7/task/8/stat"), stat(8, "worker", 'D', 3));
        // thread 9 exited between listing and reading: its directory is empty
        Files.createDirectories(proc.resolve("7/task/9"));
        // process 12 exited: directory listed, stat gone
        Files.createDirectories(proc.resolve("12"));
        // process 20 has no task directory (as in node_exporter's fixtures)
        write(proc.resolve("20/stat"), stat(20, "kworker", 'I', 1));
        Files.createDirectories(proc.resolve("self"));

        MetricSink sink = new MetricSink();
        new ProcessesCollector(new FakeHost(root).paths).update(sink);
        assertEquals(3, value(sink, "node_processes_pids"));
        assertEquals(5, value(sink, "node_processes_threads"));
        assertEquals(7801, value(sink, "node_processes_max_threads"));
        assertEquals(4194304, value(sink, "node_processes_max_processes"));
        assertEquals(1, value(sink, "node_processes_state", "S"));
        assertEquals(1, value(sink, "node_processes_state", "R"));
        assertEquals(1, value(sink, "node_processes_state", "I"));
        assertEquals(1, value(sink, "node_processes_threads_state", "S"));
        assertEquals(1, value(sink, "node_processes_threads_state", "R"));
        assertEquals(1, value(sink, "node_processes_threads_state", "D"));
    }

    @Test
    void aGarbledStatOfALiveProcessIsAnError(@TempDir Path root) throws Exception {
        Path proc = root.resolve("proc");
        write(proc.resolve("sys/kernel/threads-max"), "1\n");
        write(proc.resolve("sys/kernel/pid_max"), "1\n");
        write(proc.resolve("5/stat"), "garbage\n");
        assertThrows(java.io.IOException.class,
                () -> new ProcessesCollector(new FakeHost(root).paths).update(new MetricSink()));
    }

    @Test
    void missingLimitsAreErrors(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("proc"));
        assertThrows(java.io.IOException.class,
                () -> new ProcessesCollector(new FakeHost(root).paths).update(new MetricSink()));
    }

    @Test
    void walksTheLiveProcTree() throws Exception {
        Path proc = Path.of("/proc");
        Assumptions.assumeTrue(Files.isReadable(proc.resolve("sys/kernel/pid_max")));
        MetricSink sink = new MetricSink();
        new ProcessesCollector(new dev.nodepulse.procfs.HostPaths(proc, Path.of("/sys"), Path.of("/"),
                Path.of("/run/udev/data"))).update(sink);
        double pids = value(sink, "node_processes_pids");
        assertTrue(pids >= 1, "this JVM at least");
        double threads = value(sink, "node_processes_threads");
        assertTrue(threads >= pids, "every process has a thread");
        // (Files.readString trusts the size procfs reports and can return a truncated value here)
        long pidMax = Long.parseLong(dev.nodepulse.procfs.io.SmallFiles.readTrimmed(proc.resolve("sys/kernel/pid_max")));
        assertEquals(pidMax, value(sink, "node_processes_max_processes"));
    }
}
