package dev.nodepulse.agent.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nodepulse.agent.AgentFlags;
import dev.nodepulse.agent.collector.CollectorContext;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The perf collector on this host with its defaults: between two scrapes the test faults in fresh pages
 * and sleeps, and the CPU-wide software counters, summed over CPUs, must have counted at least what this
 * process and thread did (/proc/self/stat minflt, /proc/thread-self/status voluntary_ctxt_switches) and
 * at most what the whole system did (/proc/vmstat pgfault, /proc/stat ctxt, read around both scrapes),
 * with slack for what perf sees that those do not. Skips where perf_event_open is not permitted.
 */
class PerfCollectorLiveTest {

    private static long field(Path file, String key) throws IOException {
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith(key)) {
                return Long.parseLong(line.substring(key.length()).trim());
            }
        }
        throw new IOException("no " + key + " in " + file);
    }

    private static long selfMinorFaults() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[7]);
    }

    private static double sum(MetricSink sink, String family) {
        return SinkValues.samples(sink, family).values().stream().mapToDouble(Double::doubleValue).sum();
    }

    @Test
    void softwareCountersFollowThisHostsActivity() throws Exception {
        String allowed = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("Cpus_allowed_list:")).map(l -> l.substring(18).trim()).findFirst().orElse("");
        List<Integer> allowedCpus = PerfCollector.cpus(allowed);
        // Upstream counts on CPUs 0..NumCPU-1; this process's own activity is only all seen when it runs there.
        assumeTrue(allowedCpus.equals(IntStream.range(0, allowedCpus.size()).boxed().toList()),
                "this process may run on CPUs " + allowed + ", not all of which the default CPU list covers");
        CollectorContext ctx = new CollectorContext("perf", HostPaths.defaults(),
                AgentFlags.define().parse(new String[] {"--collector.perf"}), Set.of("perf"));
        try (PerfCollector c = PerfCollector.create(ctx)) {
            long vmBefore = field(Path.of("/proc/vmstat"), "pgfault ");
            long ctxtBefore = field(Path.of("/proc/stat"), "ctxt ");
            MetricSink first = SinkValues.run(c);
            assumeTrue(first.get("node_perf_page_faults_total") != null,
                    "no software perf counter could be opened here (perf_event_paranoid "
                            + Files.readString(Path.of("/proc/sys/kernel/perf_event_paranoid")).trim() + ")");
            long selfFaultsBefore = selfMinorFaults();
            long switchesBefore = field(Path.of("/proc/thread-self/status"), "voluntary_ctxt_switches:");
            ByteBuffer mem = ByteBuffer.allocateDirect(16 << 20);
            for (int i = 0; i < mem.capacity(); i += 4096) {
                mem.put(i, (byte) 1);
            }
            for (int i = 0; i < 50; i++) {
                Thread.sleep(1);
            }
            long selfFaults = selfMinorFaults() - selfFaultsBefore;
            long switches = field(Path.of("/proc/thread-self/status"), "voluntary_ctxt_switches:") - switchesBefore;
            MetricSink second = SinkValues.run(c);
            long vmDelta = field(Path.of("/proc/vmstat"), "pgfault ") - vmBefore;
            long ctxtDelta = field(Path.of("/proc/stat"), "ctxt ") - ctxtBefore;

            assertEquals(PerfCollector.affinityCpuCount(), SinkValues.samples(second, "node_perf_page_faults_total").size());
            double faults = sum(second, "node_perf_page_faults_total") - sum(first, "node_perf_page_faults_total");
            double minor = sum(second, "node_perf_minor_faults_total") - sum(first, "node_perf_minor_faults_total");
            double cs = sum(second, "node_perf_context_switches_total") - sum(first, "node_perf_context_switches_total");
            assertTrue(selfFaults >= 2000, "touching 16 MiB caused only " + selfFaults + " minor faults");
            assertTrue(faults >= selfFaults, "perf counted " + faults + " page faults, this process alone " + selfFaults);
            assertTrue(minor >= selfFaults, "perf counted " + minor + " minor faults, this process alone " + selfFaults);
            assertTrue(faults <= vmDelta * 1.1 + 1000, "perf counted " + faults + " page faults, the system " + vmDelta);
            assertTrue(switches >= 40, "50 sleeps gave only " + switches + " voluntary context switches");
            assertTrue(cs >= switches, "perf counted " + cs + " context switches, this thread alone " + switches);
            assertTrue(cs <= ctxtDelta * 1.1 + 1000, "perf counted " + cs + " context switches, /proc/stat " + ctxtDelta);
            System.out.printf("[perf live] page faults +%.0f (process +%d, system +%d), context switches +%.0f "
                    + "(thread +%d, system +%d)%n", faults, selfFaults, vmDelta, cs, switches, ctxtDelta);
            assertEquals(1, mem.get(0));
        }
    }
}
