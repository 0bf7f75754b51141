package dev.nodepulse.agent.node;

import static dev.nodepulse.procfs.natives.PerfEventAttr.PERF_TYPE_HARDWARE;
import static dev.nodepulse.procfs.natives.PerfEventAttr.PERF_TYPE_HW_CACHE;
import static dev.nodepulse.procfs.natives.PerfEventAttr.PERF_TYPE_SOFTWARE;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorContext;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.cli.Flag;
import dev.nodepulse.log.Log;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.io.Numbers;
import dev.nodepulse.procfs.natives.PerfCount;
import dev.nodepulse.procfs.natives.PerfEventAttr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * node_perf_* counters per CPU from perf_event_open(2), like node_exporter's opt-in perf collector (through
 * the Go perf-utils library). The counters are opened and enabled once, when the collector is created, and
 * read on every scrape, so each value counts from agent start.
 *
 * <p>Upstream's behaviour, kept here: a counter that cannot be opened (the CPU or hypervisor lacks it, or
 * perf_event_paranoid forbids it) is silently left out, so on a VM without a PMU the hardware and cache
 * groups simply export nothing; failing to enable an opened counter fails the creation. On a scrape, a
 * failed read of a hardware or cache counter fails the collector (that CPU's group exports nothing, later
 * groups are not read), while a failed software counter read only drops that one value. With no selection
 * flag (or only unknown names) a group opens all of its events, including some upstream never exports
 * (bus cycles, cpu/task clock, alignment/emulation faults); the cache group's default is upstream's own
 * list instead. Perf tracepoints ({@code --collector.perf.tracepoint}) are not supported.
 */
public final class PerfCollector implements Collector, AutoCloseable {

    public static final CollectorSpec SPEC = CollectorSpec.of("perf", false, PerfCollector::create,
            Flag.string("collector.perf.cpus", "", "List of CPUs from which perf metrics should be collected"),
            Flag.bool("collector.perf.disable-hardware-profilers", false, "disable perf hardware profilers"),
            Flag.repeatable("collector.perf.hardware-profilers", "perf hardware profilers that should be collected"),
            Flag.bool("collector.perf.disable-software-profilers", false, "disable perf software profilers"),
            Flag.repeatable("collector.perf.software-profilers", "perf software profilers that should be collected"),
            Flag.bool("collector.perf.disable-cache-profilers", false, "disable perf cache profilers"),
            Flag.repeatable("collector.perf.cache-profilers", "perf cache profilers that should be collected"));

    private static final Log LOG = Log.get(PerfCollector.class);

    /** perf-utils' three profilers; a failed read is fatal to the scrape for all but the software one. */
    enum Group {
        HARDWARE(PERF_TYPE_HARDWARE, "hardware", true),
        SOFTWARE(PERF_TYPE_SOFTWARE, "software", false),
        CACHE(PERF_TYPE_HW_CACHE, "cache", true);

        final int type;
        final String flagWord;
        final boolean readErrorsFail;

        Group(int type, String flagWord, boolean readErrorsFail) {
            this.type = type;
            this.flagWord = flagWord;
            this.readErrorsFail = readErrorsFail;
        }
    }

    /**
     * One event perf-utils may open. {@code selector} is its name for the selection flags (null when
     * node_exporter offers none), {@code family} its node_perf_ family (null when node_exporter exports it
     * nowhere), {@code cacheDefault} whether node_exporter's default cache selection includes it.
     */
    record Event(Group group, long config, String selector, String family, String help, boolean cacheDefault) {}

    // enum perf_hw_cache_id, perf_hw_cache_op_id, perf_hw_cache_op_result_id.
    private static final int L1D = 0, L1I = 1, LL = 2, DTLB = 3, ITLB = 4, BPU = 5, NODE = 6;
    private static final int READ = 0, WRITE = 1;
    private static final int ACCESS = 0, MISS = 1;

    private static Event hw(long config, String selector, String family, String help) {
        return new Event(Group.HARDWARE, config, selector, family, help, false);
    }

    private static Event sw(long config, String selector, String family, String help) {
        return new Event(Group.SOFTWARE, config, selector, family, help, false);
    }

    private static Event cache(int cache, int op, int result, String selector, String family, String help) {
        return new Event(Group.CACHE, PerfEventAttr.cacheConfig(cache, op, result), selector, family, help,
                family != null);
    }

    /** In perf-utils' order of opening; configs are enum perf_hw_id and perf_sw_ids. */
    static final List<Event> EVENTS = List.of(
            hw(0, "CpuCycles", "cpucycles_total", "Number of CPU cycles (frequency scaled)"),
            hw(1, "CpuInstr", "instructions_total", "Number of CPU instructions"),
            hw(2, "CacheRef", "cache_refs_total", "Number of cache references (non frequency scaled)"),
            hw(3, "CacheMisses", "cache_misses_total", "Number of cache misses"),
            hw(4, "BranchInstr", "branch_instructions_total", "Number of CPU branch instructions"),
            hw(5, "BranchMisses", "branch_misses_total", "Number of CPU branch misses"),
            hw(6, null, null, null),
            hw(7, "StalledCyclesFrontend", "stalled_cycles_frontend_total", "Number of stalled frontend CPU cycles"),
            hw(8, "StalledCyclesBackend", "stalled_cycles_backend_total", "Number of stalled backend CPU cycles"),
            hw(9, "RefCpuCycles", "ref_cpucycles_total", "Number of CPU cycles"),
            sw(0, null, null, null),
            sw(1, null, null, null),
            sw(2, "PageFault", "page_faults_total", "Number of page faults"),
            sw(3, "ContextSwitch", "context_switches_total", "Number of context switches"),
            sw(4, "CpuMigration", "cpu_migrations_total", "Number of CPU process migrations"),
            sw(5, "MinorFault", "minor_faults_total", "Number of minor page faults"),
            sw(6, "MajorFault", "major_faults_total", "Number of major page faults"),
            sw(7, null, null, null),
            sw(8, null, null, null),
            cache(L1D, READ, ACCESS, "L1DataReadHit", "cache_l1d_read_hits_total", "Number L1 data cache read hits"),
            cache(L1D, READ, MISS, "L1DataReadMiss", "cache_l1d_read_misses_total", "Number L1 data cache read misses"),
            cache(L1D, WRITE, ACCESS, "L1DataWriteHit", "cache_l1d_write_hits_total", "Number L1 data cache write hits"),
            cache(L1I, READ, ACCESS, null, null, null),
            cache(L1I, READ, MISS, "L1InstrReadMiss", "cache_l1_instr_read_misses_total",
                    "Number instruction L1 instruction read misses"),
            cache(LL, READ, ACCESS, "LLReadHit", "cache_ll_read_hits_total", "Number last level read hits"),
            cache(LL, READ, MISS, "LLReadMiss", "cache_ll_read_misses_total", "Number last level read misses"),
            cache(LL, WRITE, ACCESS, "LLWriteHit", "cache_ll_write_hits_total", "Number last level write hits"),
            cache(LL, WRITE, MISS, "LLWriteMiss", "cache_ll_write_misses_total", "Number last level write misses"),
            cache(DTLB, READ, ACCESS, "DataTLBReadHit", "cache_tlb_data_read_hits_total", "Number of data TLB read hits"),
            cache(DTLB, READ, MISS, "DataTLBReadMiss", "cache_tlb_data_read_misses_total",
                    "Number of data TLB read misses"),
            cache(DTLB, WRITE, ACCESS, "DataTLBWriteHit", "cache_tlb_data_write_hits_total",
                    "Number of data TLB write hits"),
            cache(DTLB, WRITE, MISS, "DataTLBWriteMiss", "cache_tlb_data_write_misses_total",
                    "Number of data TLB write misses"),
            cache(ITLB, READ, ACCESS, "InstrTLBReadHit", "cache_tlb_instr_read_hits_total",
                    "Number instruction TLB read hits"),
            cache(ITLB, READ, MISS, "InstrTLBReadMiss", "cache_tlb_instr_read_misses_total",
                    "Number instruction TLB read misses"),
            cache(BPU, READ, ACCESS, "BPUReadHit", "cache_bpu_read_hits_total", "Number BPU read hits"),
            cache(BPU, READ, MISS, "BPUReadMiss", "cache_bpu_read_misses_total", "Number BPU read misses"),
            cache(NODE, READ, ACCESS, null, null, null),
            cache(NODE, READ, MISS, null, null, null));

    private record Opened(Event event, PerfSource.Counter counter) {}

    /** One group's counters on one CPU, as one perf-utils profiler holds them. */
    private record Profiler(int cpu, List<Opened> counters) {}

    private final Map<Group, List<Profiler>> profilers;
    private boolean closed;

    private PerfCollector(Map<Group, List<Profiler>> profilers) {
        this.profilers = profilers;
    }

    static PerfCollector create(CollectorContext ctx) throws IOException {
        return create(ctx, PerfSource.KERNEL, PerfCollector::affinityCpuCount);
    }

    /** {@code cpuCount} stands in for Go's runtime.NumCPU() when --collector.perf.cpus is empty. */
    static PerfCollector create(CollectorContext ctx, PerfSource source, java.util.function.IntSupplier cpuCount)
            throws IOException {
        String cpusFlag = ctx.string("cpus");
        List<Integer> cpus = new ArrayList<>();
        if (cpusFlag != null && !cpusFlag.isEmpty()) {
            cpus = cpus(cpusFlag);
        } else {
            for (int i = 0, n = cpuCount.getAsInt(); i < n; i++) {
                cpus.add(i);
            }
        }
        // Upstream keeps one profiler per CPU (a map keyed by CPU), so a CPU listed twice is exported once.
        cpus = List.copyOf(new LinkedHashSet<>(cpus));
        Map<Group, List<Event>> selected = new EnumMap<>(Group.class);
        for (Group g : Group.values()) {
            if (!ctx.bool("disable-" + g.flagWord + "-profilers")) {
                selected.put(g, selection(g, ctx.all(g.flagWord + "-profilers")));
            }
        }
        Map<Group, List<Profiler>> profilers = new EnumMap<>(Group.class);
        for (Group g : selected.keySet()) {
            profilers.put(g, new ArrayList<>());
        }
        try {
            for (int cpu : cpus) {
                for (Map.Entry<Group, List<Event>> e : selected.entrySet()) {
                    profilers.get(e.getKey()).add(start(source, cpu, e.getValue()));
                }
            }
        } catch (IOException | RuntimeException e) {
            closeAll(profilers);
            throw e;
        }
        return new PerfCollector(profilers);
    }

    /** Opens what it can (failures are left out, as perf-utils leaves them), then enables every opened one. */
    private static Profiler start(PerfSource source, int cpu, List<Event> events) throws IOException {
        List<Opened> opened = new ArrayList<>();
        for (Event ev : events) {
            try {
                opened.add(new Opened(ev, source.open(ev.group().type, ev.config(), cpu)));
            } catch (IOException e) {
                LOG.debug("perf event not available", "group", ev.group().flagWord, "config", ev.config(),
                        "cpu", cpu, "err", e.getMessage());
            }
        }
        List<String> errors = new ArrayList<>();
        for (Opened o : opened) {
            try {
                o.counter().enable();
            } catch (IOException e) {
                errors.add(e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            opened.forEach(o -> o.counter().close());
            throw new IOException(String.join("; ", errors));
        }
        return new Profiler(cpu, List.copyOf(opened));
    }

    /**
     * The events of a group the selection flag names; unknown names are logged. No names, or none known,
     * means all of the group's events (perf-utils' zero set), except that the cache group's default is
     * node_exporter's own list.
     */
    static List<Event> selection(Group group, List<String> names) {
        List<Event> ofGroup = EVENTS.stream().filter(e -> e.group() == group).toList();
        if (names.isEmpty() && group == Group.CACHE) {
            return ofGroup.stream().filter(Event::cacheDefault).toList();
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String name : names) {
            if (ofGroup.stream().anyMatch(e -> name.equals(e.selector()))) {
                wanted.add(name);
            } else {
                LOG.error("Unknown " + group.flagWord + " profiler: " + name);
            }
        }
        if (wanted.isEmpty()) {
            return ofGroup;
        }
        return ofGroup.stream().filter(e -> e.selector() != null && wanted.contains(e.selector())).toList();
    }

    private static final Pattern GO_INT = Pattern.compile("[+-]?[0-9]+");

    private static int atoi(String s) {
        if (!GO_INT.matcher(s).matches()) {
            throw new IllegalArgumentException("strconv.Atoi: parsing \"" + s + "\": invalid syntax");
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("strconv.Atoi: parsing \"" + s + "\": value out of range");
        }
    }

    /**
     * The CPUs of --collector.perf.cpus, as upstream reads it: comma-separated CPUs and ranges, a range
     * optionally with a stride ("1-10:5" is 1, 6). Upstream loops forever on a stride below 1; that is
     * refused here.
     */
    static List<Integer> cpus(String flag) {
        List<Integer> cpus = new ArrayList<>();
        for (String subset : flag.split(",", -1)) {
            if (!subset.contains("-")) {
                cpus.add(atoi(subset));
                continue;
            }
            int stride = 1;
            String[] strideSet = subset.split(":", -1);
            if (strideSet.length == 2) {
                stride = atoi(strideSet[1]);
                if (stride < 1) {
                    throw new IllegalArgumentException("invalid stride " + stride + " in \"" + flag + "\"");
                }
            }
            String[] range = strideSet[0].split("-", -1);
            if (range.length != 2) {
                throw new IllegalArgumentException("invalid flag value \"" + flag + "\"");
            }
            int start = atoi(range[0]);
            int end = atoi(range[1]);
            for (long i = start; i <= end; i += stride) {
                cpus.add((int) i);
            }
        }
        return cpus;
    }

    /** Go's runtime.NumCPU(): the number of CPUs in the process's affinity mask. */
    static int affinityCpuCount() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    String list = line.substring(line.indexOf(':') + 1).trim();
                    if (!list.isEmpty()) {
                        return cpus(list).size();
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.debug("cannot read the CPU affinity list", "err", e.getMessage());
        }
        return Runtime.getRuntime().availableProcessors();
    }

    @Override
    public synchronized void update(MetricSink sink) throws IOException {
        if (closed) {
            throw new IOException("perf collector closed");
        }
        for (Map.Entry<Group, List<Profiler>> g : profilers.entrySet()) {
            for (Profiler p : g.getValue()) {
                List<Opened> read = new ArrayList<>();
                List<PerfCount> counts = new ArrayList<>();
                List<String> errors = new ArrayList<>();
                for (Opened o : p.counters()) {
                    try {
                        counts.add(o.counter().read());
                        read.add(o);
                    } catch (IOException e) {
                        errors.add(e.getMessage());
                    }
                }
                if (!errors.isEmpty() && g.getKey().readErrorsFail) {
                    throw new IOException(String.join("; ", errors));
                }
                String cpu = Integer.toString(p.cpu());
                for (int i = 0; i < read.size(); i++) {
                    Event ev = read.get(i).event();
                    if (ev.family() != null) {
                        sink.counter("node_perf_" + ev.family(), ev.help(), "cpu")
                                .add(Numbers.unsignedToDouble(counts.get(i).value()), cpu);
                    }
                }
            }
        }
    }

    /** Closes every counter; node_exporter keeps them open for the life of the process. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            closeAll(profilers);
        }
    }

    private static void closeAll(Map<Group, List<Profiler>> profilers) {
        for (List<Profiler> ps : profilers.values()) {
            for (Profiler p : ps) {
                p.counters().forEach(o -> o.counter().close());
            }
        }
    }
}
