package dev.nodepulse.agent.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.agent.AgentFlags;
import dev.nodepulse.agent.collector.CollectorContext;
import dev.nodepulse.agent.collector.CollectorRunner;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.natives.ErrnoException;
import dev.nodepulse.procfs.natives.PerfCount;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The perf collector over canned counters, with names, help texts and the failure handling worked out from
 * node_exporter's perf_linux.go and the perf-utils v0.7.0 profilers it uses.
 */
class PerfCollectorTest {

    private static final int HW = 0, SW = 1, CACHE = 3;
    private static final int ENOENT = 2;

    record Key(int type, long config, int cpu) {}

    /** Counters that exist (with their values, or a read failure); everything else fails to open with ENOENT. */
    static final class FakePerf implements PerfSource {
        final Map<Key, Long> values = new HashMap<>();
        final Set<Key> failingReads = new HashSet<>();
        final Set<Key> failingEnables = new HashSet<>();
        final List<Key> attempted = new ArrayList<>();
        final List<Key> enabled = new ArrayList<>();
        final Set<Key> open = new HashSet<>();
        int reads;

        FakePerf with(int type, long config, int cpu, long value) {
            values.put(new Key(type, config, cpu), value);
            return this;
        }

        @Override
        public Counter open(int type, long config, int cpu) throws IOException {
            Key k = new Key(type, config, cpu);
            attempted.add(k);
            if (!values.containsKey(k)) {
                throw new ErrnoException("perf_event_open", ENOENT);
            }
            open.add(k);
            return new Counter() {
                @Override
                public void enable() throws IOException {
                    if (failingEnables.contains(k)) {
                        throw new ErrnoException("perf event enable", 22);
                    }
                    enabled.add(k);
                }

                @Override
                public PerfCount read() throws IOException {
                    reads++;
                    if (failingReads.contains(k)) {
                        throw new ErrnoException("perf event read", 9);
                    }
                    return new PerfCount(values.get(k), 1000, 1000);
                }

                @Override
                public void close() {
                    open.remove(k);
                }
            };
        }

        long attemptedOf(int type, int cpu) {
            return attempted.stream().filter(k -> k.type() == type && k.cpu() == cpu).count();
        }
    }

    private static PerfCollector create(FakePerf fake, int cpus, String... args) throws Exception {
        CollectorContext ctx = new CollectorContext("perf", HostPaths.defaults(),
                AgentFlags.define().parse(args), Set.of("perf"));
        return PerfCollector.create(ctx, fake, () -> cpus);
    }

    /** A VM without a PMU: only software counters open; one cache counter exists on cpu 1 alone. */
    private static FakePerf vm() {
        FakePerf f = new FakePerf();
        long[] sw = {0, 1, 2, 3, 4, 5, 6, 7, 8};
        for (int cpu = 0; cpu < 2; cpu++) {
            for (long c : sw) {
                f.with(SW, c, cpu, 1000L * (cpu + 1) + c);
            }
        }
        f.with(CACHE, 0x10000, 1, 77); // L1D read miss
        f.with(HW, 0, 0, 5_000_000_000L); // cpu cycles, on cpu 0 only
        return f;
    }

    @Test
    void exportsWhatOpenedUnderUpstreamsNamesAndHelp() throws Exception {
        FakePerf f = vm();
        MetricSink sink = SinkValues.run(create(f, 2));
        assertEquals("COUNTER [cpu] Number of page faults", SinkValues.shape(sink, "node_perf_page_faults_total"));
        assertEquals("COUNTER [cpu] Number of context switches", SinkValues.shape(sink, "node_perf_context_switches_total"));
        assertEquals("COUNTER [cpu] Number of CPU process migrations", SinkValues.shape(sink, "node_perf_cpu_migrations_total"));
        assertEquals("COUNTER [cpu] Number of minor page faults", SinkValues.shape(sink, "node_perf_minor_faults_total"));
        assertEquals("COUNTER [cpu] Number of major page faults", SinkValues.shape(sink, "node_perf_major_faults_total"));
        assertEquals("COUNTER [cpu] Number of CPU cycles (frequency scaled)", SinkValues.shape(sink, "node_perf_cpucycles_total"));
        assertEquals("COUNTER [cpu] Number L1 data cache read misses",
                SinkValues.shape(sink, "node_perf_cache_l1d_read_misses_total"));
        // PERF_COUNT_SW_PAGE_FAULTS=2, CONTEXT_SWITCHES=3, CPU_MIGRATIONS=4, PAGE_FAULTS_MIN=5, PAGE_FAULTS_MAJ=6.
        assertEquals(Map.of(List.of("0"), 1002.0, List.of("1"), 2002.0), SinkValues.samples(sink, "node_perf_page_faults_total"));
        assertEquals(Map.of(List.of("0"), 1003.0, List.of("1"), 2003.0), SinkValues.samples(sink, "node_perf_context_switches_total"));
        assertEquals(Map.of(List.of("0"), 1004.0, List.of("1"), 2004.0), SinkValues.samples(sink, "node_perf_cpu_migrations_total"));
        assertEquals(Map.of(List.of("0"), 1005.0, List.of("1"), 2005.0), SinkValues.samples(sink, "node_perf_minor_faults_total"));
        assertEquals(Map.of(List.of("0"), 1006.0, List.of("1"), 2006.0), SinkValues.samples(sink, "node_perf_major_faults_total"));
        assertEquals(Map.of(List.of("0"), 5.0e9), SinkValues.samples(sink, "node_perf_cpucycles_total"));
        assertEquals(Map.of(List.of("1"), 77.0), SinkValues.samples(sink, "node_perf_cache_l1d_read_misses_total"));
        // The clocks and alignment/emulation faults are opened and read, but upstream exports them nowhere.
        assertEquals(7, sink.families().size());
        assertNull(sink.get("node_perf_instructions_total"));
    }

    @Test
    void opensEveryHardwareAndSoftwareEventButUpstreamsCacheListPerCpu() throws Exception {
        FakePerf f = vm();
        create(f, 2);
        for (int cpu = 0; cpu < 2; cpu++) {
            assertEquals(10, f.attemptedOf(HW, cpu));
            assertEquals(9, f.attemptedOf(SW, cpu));
            assertEquals(16, f.attemptedOf(CACHE, cpu));
        }
        // Not in node_exporter's default cache list: L1 instruction read hits, node cache reads.
        assertTrue(f.attempted.stream().noneMatch(k -> k.type() == CACHE
                && (k.config() == 0x1 || k.config() == 0x6 || k.config() == 0x10006)));
        // Per CPU: hardware, software, cache, as upstream's creation loop.
        assertEquals(List.of(HW, SW, CACHE, HW, SW, CACHE), groupRuns(f.attempted));
        assertEquals(f.open, new HashSet<>(f.enabled));
    }

    private static List<Integer> groupRuns(List<Key> keys) {
        List<Integer> runs = new ArrayList<>();
        for (Key k : keys) {
            if (runs.isEmpty() || runs.get(runs.size() - 1) != k.type()) {
                runs.add(k.type());
            }
        }
        return runs;
    }

    @Test
    void enablesOnceAndReadsOnEveryScrape() throws Exception {
        FakePerf f = vm();
        PerfCollector c = create(f, 2);
        int enables = f.enabled.size();
        SinkValues.run(c);
        int reads = f.reads;
        f.with(SW, 2, 0, 1500);
        MetricSink second = SinkValues.run(c);
        assertEquals(enables, f.enabled.size());
        assertEquals(2 * reads, f.reads);
        assertEquals(1500.0, SinkValues.value(second, "node_perf_page_faults_total", "0"));
    }

    @Test
    void cpusFlagChoosesTheCpus() throws Exception {
        FakePerf f = vm();
        MetricSink sink = SinkValues.run(create(f, 2, "--collector.perf.cpus=1"));
        assertEquals(Map.of(List.of("1"), 2002.0), SinkValues.samples(sink, "node_perf_page_faults_total"));
        assertEquals(0, f.attemptedOf(SW, 0));
    }

    @Test
    void aCpuListedTwiceIsExportedOnce() throws Exception {
        FakePerf f = vm();
        MetricSink sink = SinkValues.run(create(f, 2, "--collector.perf.cpus=1,0-1"));
        assertEquals(Map.of(List.of("0"), 1002.0, List.of("1"), 2002.0), SinkValues.samples(sink, "node_perf_page_faults_total"));
        assertEquals(9, f.attemptedOf(SW, 1));
    }

    @Test
    void cpuListsAsUpstreamParsesThem() {
        assertEquals(List.of(1), PerfCollector.cpus("1"));
        assertEquals(List.of(1, 2, 3), PerfCollector.cpus("1-3"));
        assertEquals(List.of(1, 6), PerfCollector.cpus("1-10:5"));
        assertEquals(List.of(0, 2, 4, 5), PerfCollector.cpus("0-4:2,5"));
        assertEquals(List.of(), PerfCollector.cpus("3-1"));
        assertEquals("strconv.Atoi: parsing \"a\": invalid syntax",
                assertThrows(IllegalArgumentException.class, () -> PerfCollector.cpus("a")).getMessage());
        assertEquals("strconv.Atoi: parsing \"\": invalid syntax",
                assertThrows(IllegalArgumentException.class, () -> PerfCollector.cpus("1,")).getMessage());
        assertEquals("invalid flag value \"1-2-3\"",
                assertThrows(IllegalArgumentException.class, () -> PerfCollector.cpus("1-2-3")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> PerfCollector.cpus("1-4:0"));
        assertThrows(IllegalArgumentException.class, () -> PerfCollector.cpus("1:2"));
    }

    @Test
    void aBadCpusFlagFailsTheCreation() {
        assertThrows(IllegalArgumentException.class, () -> create(vm(), 2, "--collector.perf.cpus=x"));
    }

    @Test
    void selectionFlagsNarrowTheGroup() throws Exception {
        FakePerf f = vm();
        MetricSink sink = SinkValues.run(create(f, 1, "--collector.perf.software-profilers=PageFault",
                "--collector.perf.software-profilers=NoSuchProfiler", "--collector.perf.hardware-profilers=CpuInstr",
                "--collector.perf.cache-profilers=BPUReadMiss"));
        assertEquals(List.of(new Key(HW, 1, 0), new Key(SW, 2, 0), new Key(CACHE, 0x10005, 0)), f.attempted);
        assertEquals(Set.of("node_perf_page_faults_total"),
                sink.families().stream().map(x -> x.name()).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void onlyUnknownNamesMeansAllOfTheGroup() throws Exception {
        FakePerf f = vm();
        create(f, 1, "--collector.perf.cache-profilers=Bogus", "--collector.perf.software-profilers=Bogus");
        assertEquals(9, f.attemptedOf(SW, 0));
        // perf-utils' zero set: every cache event it knows, beyond node_exporter's default list.
        assertEquals(19, f.attemptedOf(CACHE, 0));
    }

    @Test
    void disableFlagsSkipAGroup() throws Exception {
        FakePerf f = vm();
        MetricSink sink = SinkValues.run(create(f, 2, "--collector.perf.disable-hardware-profilers",
                "--collector.perf.disable-cache-profilers"));
        assertEquals(0, f.attemptedOf(HW, 0) + f.attemptedOf(CACHE, 0) + f.attemptedOf(HW, 1) + f.attemptedOf(CACHE, 1));
        assertNull(sink.get("node_perf_cpucycles_total"));
        assertEquals(5, sink.families().size());
        MetricSink none = SinkValues.run(create(new FakePerf(), 2, "--collector.perf.disable-software-profilers"));
        assertTrue(none.families().isEmpty());
    }

    @Test
    void aFailedSoftwareReadDropsOnlyThatValue() throws Exception {
        FakePerf f = vm();
        f.failingReads.add(new Key(SW, 3, 1));
        MetricSink sink = SinkValues.run(create(f, 2));
        assertEquals(Map.of(List.of("0"), 1003.0), SinkValues.samples(sink, "node_perf_context_switches_total"));
        assertEquals(2002.0, SinkValues.value(sink, "node_perf_page_faults_total", "1"));
    }

    @Test
    void aFailedHardwareReadFailsTheScrape() throws Exception {
        FakePerf f = vm();
        f.failingReads.add(new Key(HW, 0, 0));
        PerfCollector c = create(f, 2);
        MetricSink sink = new MetricSink();
        IOException e = assertThrows(IOException.class, () -> c.update(sink));
        assertEquals("perf event read: bad file descriptor", e.getMessage());
        // Hardware comes first and fails; nothing else is read.
        assertTrue(sink.families().isEmpty());
    }

    @Test
    void aFailedCacheReadFailsTheScrapeAfterTheSoftwareValues() throws Exception {
        FakePerf f = vm();
        f.failingReads.add(new Key(CACHE, 0x10000, 1));
        PerfCollector c = create(f, 2);
        MetricSink sink = new MetricSink();
        assertThrows(IOException.class, () -> c.update(sink));
        assertEquals(2, sink.get("node_perf_page_faults_total").size());
        assertNull(sink.get("node_perf_cache_l1d_read_misses_total"));
    }

    @Test
    void aFailedEnableFailsTheCreationAndClosesWhatWasOpened() {
        FakePerf f = vm();
        f.failingEnables.add(new Key(SW, 4, 1));
        assertThrows(IOException.class, () -> create(f, 2));
        assertTrue(f.open.isEmpty(), f.open.toString());
    }

    @Test
    void countersAreUnsigned64Bit() throws Exception {
        FakePerf f = new FakePerf().with(SW, 2, 0, -1L);
        MetricSink sink = SinkValues.run(create(f, 1));
        assertEquals(18446744073709551615.0, SinkValues.value(sink, "node_perf_page_faults_total", "0"));
    }

    @Test
    void closingTheRunnerClosesTheCounters() throws Exception {
        FakePerf f = vm();
        PerfCollector c = create(f, 2);
        assertEquals(2 * 9 + 1 + 1, f.open.size());
        new CollectorRunner(Map.of("perf", c), 1).close();
        assertTrue(f.open.isEmpty());
        assertThrows(IOException.class, () -> c.update(new MetricSink()));
    }
}
