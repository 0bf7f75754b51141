package dev.nodepulse.agent.cadvisor;

import dev.nodepulse.cgroups.snapshot.CgroupSample;
import dev.nodepulse.cgroups.snapshot.CgroupSnapshot;
import dev.nodepulse.cgroups.stats.BlkioEntry;
import dev.nodepulse.cgroups.stats.BlkioStats;
import dev.nodepulse.cgroups.stats.CgroupSpec;
import dev.nodepulse.cgroups.stats.CpuStats;
import dev.nodepulse.cgroups.stats.InterfaceStats;
import dev.nodepulse.cgroups.stats.MemoryStats;
import dev.nodepulse.cgroups.stats.PressureStats;
import dev.nodepulse.cgroups.stats.ProcessStats;
import dev.nodepulse.cgroups.stats.Psi;
import dev.nodepulse.procfs.machine.BlockDeviceNames;
import dev.nodepulse.procfs.machine.MachineInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Renders a {@link CgroupSnapshot} as the kubelet's {@code /metrics/cadvisor}: cAdvisor's family names, HELP
 * texts and types (v0.56, the kubelet 1.36 set: cpu, memory, diskIO, network, process, oom_event and, when
 * enabled, pressure), the kubelet's base labels {@code container,id,image,name,namespace,pod}, label names
 * sorted within a series, families sorted by name, and the walk's timestamp on every stats sample.
 *
 * <p>Deliberately absent, where the kubelet would print constants or values it cannot know: the load-average
 * and task-state families (always 0 in the kubelet: its load reader is off), failcnt and kernel usage on v2
 * when the kernel offers no such value, threads on rows without a pids controller, the NVM family when the
 * host has NVDIMMs (their split by mode is not in sysfs), and the per-filesystem usage families, which the
 * kubelet fills for the root row from statfs (node_exporter's filesystem collector covers that).
 */
final class CadvisorExposition {

    private static final String[] BASE = {"container", "id", "image", "name", "namespace", "pod"};
    private static final String[] MACHINE = {"boot_id", "machine_id", "system_uuid"};
    /** cAdvisor exports memory limits above 2^62 (the kernel's "unlimited", rounded) as 0. */
    private static final double MAX_MEMORY = (double) (1L << 62);

    private final MachineInfo machine;
    private final BlockDeviceNames devices;
    private final boolean pressure;
    private final List<Family> families;

    /**
     * @param machine  null when machine info could not be read: machine_scrape_error is then 1
     * @param pressure emit the container_pressure_* families (the kubelet's KubeletPSI gate; on by default
     *                 since 1.34); they still appear only for cgroups whose kernel offers PSI
     */
    CadvisorExposition(MachineInfo machine, BlockDeviceNames devices, boolean pressure) {
        this.machine = machine;
        this.devices = devices;
        this.pressure = pressure;
        this.families = families();
    }

    /** One row (cgroup) with its base label values escaped once. */
    static final class Row {
        final CgroupSample s;
        final byte[][] base = new byte[6][];

        Row(CgroupSample s) {
            this.s = s;
            base[0] = TextBuffer.escapeLabel(s.containerName());
            base[1] = TextBuffer.escapeLabel(s.id());
            base[2] = TextBuffer.escapeLabel(s.image());
            base[3] = TextBuffer.escapeLabel(s.name());
            base[4] = TextBuffer.escapeLabel(s.namespace());
            base[5] = TextBuffer.escapeLabel(s.podName());
        }
    }

    /** Writes the samples of one family for one row. */
    interface Emitter {
        void emit(CgroupSample s, Samples out);
    }

    /** Sample sink handed to emitters: the value and the extra label values in the family's extra-label order. */
    interface Samples {
        void add(double value, String... extra);
    }

    /** A family: name, HELP, TYPE, extra label names, whether samples carry the walk timestamp, the emitter. */
    record Family(String name, String help, String type, String[] extra, boolean timestamped, Emitter emitter) {}

    // ---------------------------------------------------------------------------------------------------------

    TextBuffer render(CgroupSnapshot snap, long scrapeMillis, boolean scrapeError, int sizeHint) {
        return render(snap, scrapeMillis, scrapeError, new TextBuffer(sizeHint));
    }

    /** Renders into {@code out} (emptied first), so a caller can reuse one large buffer across scrapes. */
    TextBuffer render(CgroupSnapshot snap, long scrapeMillis, boolean scrapeError, TextBuffer out) {
        out.reset();
        List<Row> rows = new ArrayList<>();
        if (snap != null) {
            for (CgroupSample s : snap.samples()) {
                rows.add(new Row(s));
            }
            rows.sort(Comparator.comparing((Row r) -> r.s.containerName()).thenComparing(r -> r.s.id()));
        }
        long ts = snap == null ? 0 : snap.timestampMillis();
        // Families sort by name: cadvisor_version_info, then container_* (container_scrape_error among them),
        // then machine_*.
        out.ascii("# HELP cadvisor_version_info A metric with a constant '1' value labeled by kernel version, OS "
                + "version, docker version, cadvisor version & cadvisor revision.\n");
        out.ascii("# TYPE cadvisor_version_info gauge\n");
        out.ascii("cadvisor_version_info{cadvisorRevision=\"\",cadvisorVersion=\"\",dockerVersion=\"\",kernelVersion=\"")
                .bytes(TextBuffer.escapeLabel(machine == null ? "Unknown" : machine.kernelVersion()))
                .ascii("\",osVersion=\"")
                .bytes(TextBuffer.escapeLabel(machine == null ? "Unknown" : machine.osVersion())).ascii("\"} 1\n");
        for (Family f : families) {
            if (f.name().equals("container_scrape_error")) {
                gauge(out, f.name(), f.help());
                out.ascii("container_scrape_error ").ascii(scrapeError ? "1" : "0").ch('\n');
            } else {
                writeFamily(out, f, rows, ts, scrapeMillis);
            }
        }
        writeMachine(out);
        return out;
    }

    private void writeFamily(TextBuffer out, Family f, List<Row> rows, long ts, long scrapeMillis) {
        int mark = out.size();
        out.ascii("# HELP ").ascii(f.name()).ch(' ').ascii(TextBuffer.escapeHelp(f.help())).ch('\n');
        out.ascii("# TYPE ").ascii(f.name()).ch(' ').ascii(f.type()).ch('\n');
        LabelOrder order = LabelOrder.of(f.extra());
        SampleWriter w = new SampleWriter(out, f, order, f.timestamped() ? ts : Long.MIN_VALUE, scrapeMillis);
        for (Row r : rows) {
            w.row = r;
            f.emitter().emit(r.s, w);
        }
        if (!w.wrote) {
            out.truncate(mark); // nothing was flushed since the header: flushing waits for a first sample
        }
    }

    /** Where each label of a series goes: base labels and extra labels merged in name order. */
    record LabelOrder(byte[][] prefixes, int[] source) {
        private static final Map<String, LabelOrder> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

        static LabelOrder of(String[] extra) {
            return CACHE.computeIfAbsent(String.join(",", extra), k -> build(extra));
        }

        private static LabelOrder build(String[] extra) {
            List<String> names = new ArrayList<>(Arrays.asList(BASE));
            names.addAll(Arrays.asList(extra));
            names.sort(null);
            byte[][] prefixes = new byte[names.size()][];
            int[] source = new int[names.size()];
            for (int i = 0; i < names.size(); i++) {
                String n = names.get(i);
                prefixes[i] = ((i == 0 ? "" : ",") + n + "=\"").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                int b = Arrays.asList(BASE).indexOf(n);
                source[i] = b >= 0 ? b : 6 + Arrays.asList(extra).indexOf(n);
            }
            return new LabelOrder(prefixes, source);
        }
    }

    private static final class SampleWriter implements Samples {
        private final TextBuffer out;
        private final byte[] name;
        private final LabelOrder order;
        private final long ts;
        private final long scrapeMillis;
        private final boolean lastSeen;
        /** Extra label values repeat (devices, interfaces, ops): escape each once per render. */
        private final Map<String, byte[]> extraBytes = new java.util.HashMap<>();
        Row row;
        boolean wrote;

        SampleWriter(TextBuffer out, Family f, LabelOrder order, long ts, long scrapeMillis) {
            this.out = out;
            this.name = f.name().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            this.order = order;
            this.ts = ts;
            this.scrapeMillis = scrapeMillis;
            this.lastSeen = f.name().equals("container_last_seen");
        }

        @Override
        public void add(double value, String... extra) {
            out.bytes(name).ch('{');
            for (int i = 0; i < order.prefixes.length; i++) {
                out.bytes(order.prefixes[i]);
                int src = order.source[i];
                if (src < 6) {
                    out.bytes(row.base[src]);
                } else {
                    out.bytes(extraBytes.computeIfAbsent(extra[src - 6], TextBuffer::escapeLabel));
                }
                out.ch('"');
            }
            out.ascii("} ").value(lastSeen ? scrapeMillis / 1000 : value);
            if (lastSeen) {
                out.ch(' ').longValue(scrapeMillis);
            } else if (ts != Long.MIN_VALUE) {
                out.ch(' ').longValue(ts);
            }
            out.ch('\n');
            wrote = true;
            out.maybeFlush();
        }
    }

    private void writeMachine(TextBuffer out) {
        if (machine == null) {
            gauge(out, "machine_scrape_error", "1 if there was an error while getting machine metrics, 0 otherwise.");
            out.ascii("machine_scrape_error 1\n");
            return;
        }
        byte[] labels = ("{boot_id=\"" + esc(machine.bootId()) + "\",machine_id=\"" + esc(machine.machineId())
                + "\",system_uuid=\"" + esc(machine.systemUuid()) + "\"").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Map<String, Object[]> m = new LinkedHashMap<>();
        m.put("machine_cpu_books", new Object[] {"Number of CPU books.", (double) machine.books()});
        m.put("machine_cpu_cores", new Object[] {"Number of logical CPU cores.", (double) machine.cores()});
        m.put("machine_cpu_drawers", new Object[] {"Number of CPU drawers.", (double) machine.drawers()});
        m.put("machine_cpu_physical_cores", new Object[] {"Number of physical CPU cores.", (double) machine.physicalCores()});
        m.put("machine_cpu_sockets", new Object[] {"Number of CPU sockets.", (double) machine.sockets()});
        for (Map.Entry<String, Object[]> e : m.entrySet()) {
            gauge(out, e.getKey(), (String) e.getValue()[0]);
            out.ascii(e.getKey()).bytes(labels).ascii("} ").value((Double) e.getValue()[1]).ch('\n');
        }
        if (!machine.dimms().isEmpty()) {
            gauge(out, "machine_dimm_capacity_bytes",
                    "Total RAM DIMM capacity (all types memory modules) value labeled by dimm type.");
            machine.dimms().forEach((type, d) -> out.ascii("machine_dimm_capacity_bytes").bytes(labels)
                    .ascii(",type=\"").bytes(TextBuffer.escapeLabel(type)).ascii("\"} ").value(d.capacityBytes()).ch('\n'));
            gauge(out, "machine_dimm_count",
                    "Number of RAM DIMM (all types memory modules) value labeled by dimm type.");
            machine.dimms().forEach((type, d) -> out.ascii("machine_dimm_count").bytes(labels)
                    .ascii(",type=\"").bytes(TextBuffer.escapeLabel(type)).ascii("\"} ").value(d.count()).ch('\n'));
        }
        gauge(out, "machine_memory_bytes", "Amount of memory installed on the machine.");
        out.ascii("machine_memory_bytes").bytes(labels).ascii("} ").value(machine.memoryBytes()).ch('\n');
        if (machine.noNvm()) {
            gauge(out, "machine_nvm_avg_power_budget_watts", "NVM power budget.");
            out.ascii("machine_nvm_avg_power_budget_watts").bytes(labels).ascii("} 0\n");
            gauge(out, "machine_nvm_capacity", "NVM capacity value labeled by NVM mode (memory mode or app direct mode).");
            for (String mode : List.of("app_direct_mode", "memory_mode")) {
                // "mode" sorts between machine_id and system_uuid.
                out.ascii("machine_nvm_capacity{boot_id=\"").ascii(esc(machine.bootId())).ascii("\",machine_id=\"")
                        .ascii(esc(machine.machineId())).ascii("\",mode=\"").ascii(mode).ascii("\",system_uuid=\"")
                        .ascii(esc(machine.systemUuid())).ascii("\"} 0\n");
            }
        }
        gauge(out, "machine_scrape_error", "1 if there was an error while getting machine metrics, 0 otherwise.");
        out.ascii("machine_scrape_error 0\n");
        gauge(out, "machine_swap_bytes", "Amount of swap memory available on the machine.");
        out.ascii("machine_swap_bytes").bytes(labels).ascii("} ").value(machine.swapBytes()).ch('\n');
    }

    private static String esc(String s) {
        return new String(TextBuffer.escapeLabel(s), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void gauge(TextBuffer out, String name, String help) {
        out.ascii("# HELP ").ascii(name).ch(' ').ascii(help).ch('\n');
        out.ascii("# TYPE ").ascii(name).ascii(" gauge\n");
    }

    // ---------------------------------------------------------------------------------------------------------
    // The family catalogue (cAdvisor v0.56 metrics/prometheus.go names and HELP texts).

    private List<Family> families() {
        List<Family> l = new ArrayList<>();
        String[] none = {};
        // Spec families: no timestamp; present for rows with the controller.
        l.add(new Family("container_start_time_seconds", "Start time of the container since unix epoch in seconds.",
                "gauge", none, false, (s, o) -> {
                    long t = s.startTimeMillis();
                    if (t > 0) {
                        o.add(t / 1000);
                    }
                }));
        l.add(new Family("container_spec_cpu_period", "CPU period of the container.", "gauge", none, false,
                (s, o) -> {
                    if (s.spec().hasCpu()) {
                        o.add(s.spec().cpuPeriodMicros());
                    }
                }));
        l.add(new Family("container_spec_cpu_quota", "CPU quota of the container.", "gauge", none, false,
                (s, o) -> {
                    if (s.spec().hasQuota()) {
                        o.add(s.spec().cpuQuotaMicros());
                    }
                }));
        l.add(new Family("container_spec_cpu_shares", "CPU share of the container.", "gauge", none, false,
                (s, o) -> {
                    if (s.spec().hasCpu()) {
                        o.add(s.spec().cpuShares());
                    }
                }));
        l.add(specMemory("container_spec_memory_limit_bytes", "Memory limit for the container.", CgroupSpec::memoryLimit));
        l.add(specMemory("container_spec_memory_swap_limit_bytes", "Memory swap limit for the container.",
                CgroupSpec::swapLimit));
        l.add(specMemory("container_spec_memory_reservation_limit_bytes", "Memory reservation limit for the container.",
                CgroupSpec::memoryReservation));

        l.add(new Family("container_last_seen", "Last time a container was seen by the exporter", "gauge", none, true,
                (s, o) -> o.add(Double.NaN)));
        l.add(new Family("container_health_state", "The result of the container's health check", "gauge", none, true,
                (s, o) -> o.add(-1)));

        // cpu
        l.add(cpu("container_cpu_user_seconds_total", "Cumulative user cpu time consumed in seconds.",
                c -> c.userNanos()));
        l.add(cpu("container_cpu_system_seconds_total", "Cumulative system cpu time consumed in seconds.",
                c -> c.systemNanos()));
        l.add(new Family("container_cpu_usage_seconds_total", "Cumulative cpu time consumed in seconds.", "counter",
                new String[] {"cpu"}, true, (s, o) -> {
                    CpuStats c = s.cpu();
                    if (c == null) {
                        return;
                    }
                    if (c.perCpuNanos().isEmpty()) {
                        if (c.usageNanos() > 0) {
                            o.add(c.usageNanos() / 1e9, "total");
                        }
                        return;
                    }
                    for (int i = 0; i < c.perCpuNanos().size(); i++) {
                        long v = c.perCpuNanos().get(i);
                        if (v > 0) {
                            o.add(v / 1e9, String.format("cpu%02d", i));
                        }
                    }
                }));
        l.add(cfs("container_cpu_cfs_periods_total", "Number of elapsed enforcement period intervals.", c -> c.periods(), 1));
        l.add(cfs("container_cpu_cfs_throttled_periods_total", "Number of throttled period intervals.",
                c -> c.throttledPeriods(), 1));
        l.add(cfs("container_cpu_cfs_throttled_seconds_total", "Total time duration the container has been throttled.",
                c -> c.throttledNanos(), 1e9));
        l.add(cfs("container_cpu_cfs_burst_periods_total", "Number of periods when burst occurs.", c -> c.burstPeriods(), 1));
        l.add(cfs("container_cpu_cfs_burst_seconds_total", "Total time duration the container has been bursted.",
                c -> c.burstNanos(), 1e9));

        // memory
        l.add(mem("container_memory_cache", "Number of bytes of page cache memory.", "gauge", MemoryStats::cache));
        l.add(mem("container_memory_rss", "Size of RSS in bytes.", "gauge", MemoryStats::rss));
        l.add(mem("container_memory_kernel_usage", "Size of kernel memory allocated in bytes.", "gauge",
                MemoryStats::kernelUsage));
        l.add(mem("container_memory_mapped_file", "Size of memory mapped files in bytes.", "gauge",
                MemoryStats::mappedFile));
        l.add(mem("container_memory_swap", "Container swap usage in bytes.", "gauge", MemoryStats::swap));
        l.add(mem("container_memory_failcnt", "Number of memory usage hits limits", "counter", MemoryStats::failcnt));
        l.add(mem("container_memory_usage_bytes",
                "Current memory usage in bytes, including all memory regardless of when it was accessed", "gauge",
                MemoryStats::usage));
        l.add(mem("container_memory_max_usage_bytes", "Maximum memory usage recorded in bytes", "gauge",
                MemoryStats::maxUsage));
        l.add(mem("container_memory_working_set_bytes", "Current working set in bytes.", "gauge",
                MemoryStats::workingSet));
        l.add(mem("container_memory_total_active_file_bytes", "Current total active file in bytes.", "gauge",
                MemoryStats::activeFile));
        l.add(mem("container_memory_total_inactive_file_bytes", "Current total inactive file in bytes.", "gauge",
                MemoryStats::inactiveFile));
        l.add(new Family("container_memory_failures_total", "Cumulative count of memory allocation failures.", "counter",
                new String[] {"failure_type", "scope"}, true, (s, o) -> {
                    MemoryStats m = s.memory();
                    if (m == null) {
                        return;
                    }
                    // cAdvisor puts the same memory.stat value in both scopes.
                    o.add(m.pgfault(), "pgfault", "container");
                    o.add(m.pgmajfault(), "pgmajfault", "container");
                    o.add(m.pgfault(), "pgfault", "hierarchy");
                    o.add(m.pgmajfault(), "pgmajfault", "hierarchy");
                }));

        // diskIO
        l.add(io("container_fs_reads_bytes_total", "Cumulative count of bytes read", BlkioStats::serviceBytes, "Read", 1));
        l.add(io("container_fs_reads_total", "Cumulative count of reads completed", BlkioStats::serviced, "Read", 1));
        l.add(io("container_fs_sector_reads_total", "Cumulative count of sector reads completed", BlkioStats::sectors,
                "Read", 1));
        l.add(io("container_fs_reads_merged_total", "Cumulative count of reads merged", BlkioStats::merged, "Read", 1));
        l.add(io("container_fs_read_seconds_total", "Cumulative count of seconds spent reading", BlkioStats::serviceTime,
                "Read", 1e9));
        l.add(io("container_fs_writes_bytes_total", "Cumulative count of bytes written", BlkioStats::serviceBytes,
                "Write", 1));
        l.add(io("container_fs_writes_total", "Cumulative count of writes completed", BlkioStats::serviced, "Write", 1));
        l.add(io("container_fs_sector_writes_total", "Cumulative count of sector writes completed", BlkioStats::sectors,
                "Write", 1));
        l.add(io("container_fs_writes_merged_total", "Cumulative count of writes merged", BlkioStats::merged, "Write", 1));
        l.add(io("container_fs_write_seconds_total", "Cumulative count of seconds spent writing",
                BlkioStats::serviceTime, "Write", 1e9));
        l.add(io("container_fs_io_current", "Number of I/Os currently in progress", BlkioStats::queued, "Total", 1));
        l.add(io("container_fs_io_time_seconds_total", "Cumulative count of seconds spent doing I/Os",
                BlkioStats::serviceTime, "Total", 1e9));
        l.add(io("container_fs_io_cost_usage_seconds_total", "Cumulative IOCost usage in seconds", BlkioStats::costUsage,
                "Count", 1e6));
        l.add(io("container_fs_io_cost_wait_seconds_total", "Cumulative IOCost wait in seconds", BlkioStats::costWait,
                "Count", 1e6));
        l.add(io("container_fs_io_cost_indebt_seconds_total", "Cumulative IOCost debt in seconds",
                BlkioStats::costIndebt, "Count", 1e6));
        l.add(io("container_fs_io_cost_indelay_seconds_total", "Cumulative IOCost delay in seconds",
                BlkioStats::costIndelay, "Count", 1e6));
        l.add(new Family("container_blkio_device_usage_total", "Blkio Device bytes usage", "counter",
                new String[] {"device", "major", "minor", "operation"}, true, (s, o) -> {
                    if (s.blkio() == null) {
                        return;
                    }
                    for (BlkioEntry e : s.blkio().serviceBytes()) {
                        o.add(e.value(), devices.name(e.major(), e.minor()), Integer.toString(e.major()),
                                Integer.toString(e.minor()), e.op());
                    }
                }));

        // network
        l.add(net("container_network_receive_bytes_total", "Cumulative count of bytes received", InterfaceStats::rxBytes));
        l.add(net("container_network_receive_packets_total", "Cumulative count of packets received",
                InterfaceStats::rxPackets));
        l.add(net("container_network_receive_packets_dropped_total", "Cumulative count of packets dropped while receiving",
                InterfaceStats::rxDropped));
        l.add(net("container_network_receive_errors_total", "Cumulative count of errors encountered while receiving",
                InterfaceStats::rxErrors));
        l.add(net("container_network_transmit_bytes_total", "Cumulative count of bytes transmitted",
                InterfaceStats::txBytes));
        l.add(net("container_network_transmit_packets_total", "Cumulative count of packets transmitted",
                InterfaceStats::txPackets));
        l.add(net("container_network_transmit_packets_dropped_total",
                "Cumulative count of packets dropped while transmitting", InterfaceStats::txDropped));
        l.add(net("container_network_transmit_errors_total", "Cumulative count of errors encountered while transmitting",
                InterfaceStats::txErrors));

        // process
        l.add(proc("container_processes", "Number of processes running inside the container.", ProcessStats::processes));
        l.add(proc("container_file_descriptors", "Number of open file descriptors for the container.",
                ProcessStats::fds));
        l.add(proc("container_sockets", "Number of open sockets for the container.", ProcessStats::sockets));
        l.add(proc("container_threads_max",
                "Maximum number of threads allowed inside the container, infinity if value is zero",
                ProcessStats::threadsMax));
        l.add(proc("container_threads", "Number of threads running inside the container", ProcessStats::threads));
        l.add(new Family("container_ulimits_soft",
                "Soft ulimit values for the container root process. Unlimited if -1, except priority and nice", "gauge",
                new String[] {"ulimit"}, true, (s, o) -> {
                    ProcessStats p = s.processes();
                    if (p != null && p.maxOpenFiles() != ProcessStats.ABSENT) {
                        o.add(p.maxOpenFiles(), "max_open_files");
                    }
                }));

        // oom_event
        l.add(mem("container_oom_events_total", "Count of out of memory events observed for the container", "counter",
                MemoryStats::oomKills));

        if (pressure) {
            l.add(psi("container_pressure_cpu_stalled_seconds_total",
                    "Total time duration no tasks in the container could make progress due to CPU congestion.",
                    PressureStats::cpu, false));
            l.add(psi("container_pressure_cpu_waiting_seconds_total",
                    "Total time duration tasks in the container have waited due to CPU congestion.",
                    PressureStats::cpu, true));
            l.add(psi("container_pressure_memory_stalled_seconds_total",
                    "Total time duration no tasks in the container could make progress due to memory congestion.",
                    PressureStats::memory, false));
            l.add(psi("container_pressure_memory_waiting_seconds_total",
                    "Total time duration tasks in the container have waited due to memory congestion.",
                    PressureStats::memory, true));
            l.add(psi("container_pressure_io_stalled_seconds_total",
                    "Total time duration no tasks in the container could make progress due to IO congestion.",
                    PressureStats::io, false));
            l.add(psi("container_pressure_io_waiting_seconds_total",
                    "Total time duration tasks in the container have waited due to IO congestion.",
                    PressureStats::io, true));
        }
        l.add(new Family("container_scrape_error", "1 if there was an error while getting container metrics, 0 otherwise",
                "gauge", none, false, (s, o) -> { }));
        l.sort(Comparator.comparing(Family::name));
        return List.copyOf(l);
    }

    private static Family specMemory(String name, String help, ToLongFunction<CgroupSpec> f) {
        return new Family(name, help, "gauge", new String[0], false, (s, o) -> {
            if (s.spec().hasMemory()) {
                long v = f.applyAsLong(s.spec());
                o.add(v > MAX_MEMORY ? 0 : v);
            }
        });
    }

    private static Family cpu(String name, String help, ToLongFunction<CpuStats> f) {
        return new Family(name, help, "counter", new String[0], true, (s, o) -> {
            if (s.cpu() != null) {
                o.add(f.applyAsLong(s.cpu()) / 1e9);
            }
        });
    }

    private static Family cfs(String name, String help, ToLongFunction<CpuStats> f, double divisor) {
        return new Family(name, help, "counter", new String[0], true, (s, o) -> {
            if (s.cpu() != null && s.spec().hasQuota() && s.cpu().hasCfs()) {
                long v = f.applyAsLong(s.cpu());
                o.add(divisor == 1 ? v : v / divisor);
            }
        });
    }

    private static Family mem(String name, String help, String type, ToLongFunction<MemoryStats> f) {
        return new Family(name, help, type, new String[0], true, (s, o) -> {
            if (s.memory() != null) {
                long v = f.applyAsLong(s.memory());
                if (v != MemoryStats.ABSENT) {
                    o.add(v);
                }
            }
        });
    }

    private Family io(String name, String help, java.util.function.Function<BlkioStats, List<BlkioEntry>> table,
                      String op, double divisor) {
        return new Family(name, help, name.endsWith("_current") ? "gauge" : "counter", new String[] {"device"}, true,
                (s, o) -> {
                    if (s.blkio() == null) {
                        return;
                    }
                    // cAdvisor groups a table by device and reads one op of each (0 when that op has no line). The
                    // kernel prints each device's lines together, so devices are runs of consecutive entries.
                    List<BlkioEntry> entries = table.apply(s.blkio());
                    int n = entries.size();
                    int start = 0;
                    while (start < n) {
                        BlkioEntry first = entries.get(start);
                        int end = start;
                        long value = 0;
                        while (end < n && entries.get(end).major() == first.major()
                                && entries.get(end).minor() == first.minor()) {
                            if (entries.get(end).op().equals(op)) {
                                value = entries.get(end).value();
                            }
                            end++;
                        }
                        if (!seenBefore(entries, start, first)) {
                            o.add(divisor == 1 ? value : value / divisor, devices.name(first.major(), first.minor()));
                        }
                        start = end;
                    }
                });
    }

    /** Whether a device already had a run of entries before {@code start} (a table not grouped by device). */
    private static boolean seenBefore(List<BlkioEntry> entries, int start, BlkioEntry dev) {
        for (int i = 0; i < start; i++) {
            if (entries.get(i).major() == dev.major() && entries.get(i).minor() == dev.minor()) {
                return true;
            }
        }
        return false;
    }

    private static Family net(String name, String help, ToLongFunction<InterfaceStats> f) {
        return new Family(name, help, "counter", new String[] {"interface"}, true, (s, o) -> {
            if (s.network() != null) {
                for (InterfaceStats i : s.network()) {
                    o.add(f.applyAsLong(i), i.name());
                }
            }
        });
    }

    private static Family proc(String name, String help, ToLongFunction<ProcessStats> f) {
        return new Family(name, help, "gauge", new String[0], true, (s, o) -> {
            if (s.processes() != null) {
                long v = f.applyAsLong(s.processes());
                if (v != ProcessStats.ABSENT) {
                    o.add(v);
                }
            }
        });
    }

    private static Family psi(String name, String help, java.util.function.Function<PressureStats, Psi> which,
                              boolean some) {
        return new Family(name, help, "counter", new String[0], true, (s, o) -> {
            if (s.pressure() != null) {
                Psi p = which.apply(s.pressure());
                if (p != null) {
                    o.add((some ? p.someTotalMicros() : p.fullTotalMicros()) / 1e6);
                }
            }
        });
    }
}
