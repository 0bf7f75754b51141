package dev.nodepulse.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nodepulse.agent.AgentFlags;
import dev.nodepulse.agent.collector.CollectorCatalog;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.cli.FlagSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Debian's prometheus-node-exporter (1.5.0 on bookworm) and the agent side by side on this host, with the same
 * collectors and equivalent flags: every family node_exporter publishes must be published by the agent with the
 * same type and label sets, host constants equal, counters consistent with the time between the scrapes.
 *
 * <p>Data-driven: the collectors compared are those the agent enables by default that node_exporter also knows,
 * so collectors merged later are compared without touching this test. The families in {@link #CORE} must be
 * present on both sides whenever the agent has their collector.
 */
class NodeExporterComparisonIT {

    static final Path NODE_EXPORTER = Path.of(System.getProperty("nodepulse.node_exporter",
            "/usr/bin/prometheus-node-exporter"));

    /** Families every Linux host has: they must be in both scrapes when the agent has the collector. */
    static final Map<String, List<String>> CORE = new LinkedHashMap<>();

    static {
        CORE.put("cpu", List.of("node_cpu_seconds_total"));
        CORE.put("meminfo", List.of("node_memory_MemTotal_bytes", "node_memory_MemFree_bytes",
                "node_memory_MemAvailable_bytes", "node_memory_SwapTotal_bytes"));
        CORE.put("loadavg", List.of("node_load1", "node_load5", "node_load15"));
        CORE.put("stat", List.of("node_boot_time_seconds", "node_context_switches_total", "node_forks_total",
                "node_intr_total", "node_procs_running", "node_procs_blocked"));
        CORE.put("uname", List.of("node_uname_info"));
        CORE.put("time", List.of("node_time_seconds", "node_time_zone_offset_seconds"));
        CORE.put("timex", List.of("node_timex_offset_seconds", "node_timex_sync_status"));
        CORE.put("filesystem", List.of("node_filesystem_size_bytes", "node_filesystem_avail_bytes",
                "node_filesystem_free_bytes", "node_filesystem_files", "node_filesystem_files_free",
                "node_filesystem_readonly", "node_filesystem_device_error"));
        CORE.put("netdev", List.of("node_network_receive_bytes_total", "node_network_transmit_bytes_total",
                "node_network_receive_packets_total", "node_network_transmit_packets_total"));
        CORE.put("netstat", List.of("node_netstat_Tcp_CurrEstab", "node_netstat_Tcp_InSegs", "node_netstat_Ip_Forwarding"));
        CORE.put("sockstat", List.of("node_sockstat_sockets_used", "node_sockstat_TCP_inuse"));
        CORE.put("vmstat", List.of("node_vmstat_pgfault", "node_vmstat_pgmajfault", "node_vmstat_pgpgin"));
        CORE.put("filefd", List.of("node_filefd_allocated", "node_filefd_maximum"));
        CORE.put("entropy", List.of("node_entropy_available_bits", "node_entropy_pool_size_bits"));
        CORE.put("textfile", List.of("node_textfile_scrape_error", "nodepulse_it_textfile_answer"));
    }

    /**
     * Flags node_exporter gets so that it behaves as v1.12.1, the version the agent implements, where Debian's
     * 1.5.0 defaults differ. Each is v1.12.1's default.
     */
    static final List<String> NODE_EXPORTER_AS_1_12 = List.of(
            // 1.5.0 excludes lo by default; 1.12.1 has no default exclude (spec §5).
            "--collector.netdev.device-exclude=",
            // 1.12.1 no longer excludes /run, /mnt and /media, only /run/credentials/*; Debian's 1.5.0 excludes them.
            "--collector.filesystem.mount-points-exclude=^/(dev|proc|run/credentials/.+|sys|var/lib/docker/.+"
                    + "|var/lib/containers/storage/.+)($|/)",
            // 1.12.1 added erofs to the excluded filesystem types.
            "--collector.filesystem.fs-types-exclude=^(autofs|binfmt_misc|bpf|cgroup2?|configfs|debugfs|devpts|devtmpfs"
                    + "|fusectl|hugetlbfs|iso9660|mqueue|nsfs|overlay|proc|procfs|pstore|rpc_pipefs|securityfs|selinuxfs"
                    + "|squashfs|erofs|sysfs|tracefs)$",
            // 1.12.1 excludes zram devices too ("z?ram").
            "--collector.diskstats.device-exclude=^(z?ram|loop|fd|(h|s|v|xv)d[a-z]|nvme\\d+n\\d+p)\\d+$",
            // 1.12.1 added TCPOFOQueue and TCPRcvQDrop to the default netstat fields.
            "--collector.netstat.fields=^(.*_(InErrors|InErrs)|Ip_Forwarding|Ip(6|Ext)_(InOctets|OutOctets)"
                    + "|Icmp6?_(InMsgs|OutMsgs)|TcpExt_(Listen.*|Syncookies.*|TCPSynRetrans|TCPTimeouts|TCPOFOQueue"
                    + "|TCPRcvQDrop)|Tcp_(ActiveOpens|InSegs|OutSegs|OutRsts|PassiveOpens|RetransSegs|CurrEstab)"
                    + "|Udp6?_(InDatagrams|OutDatagrams|NoPorts|RcvbufErrors|SndbufErrors))$");

    /** The /proc/meminfo fields node_exporter v1.12.1 publishes (collector/meminfo_linux.go). */
    static final Set<String> MEMINFO_1_12 = Set.of("Active_bytes", "Active_anon_bytes", "Active_file_bytes",
            "AnonHugePages_bytes", "AnonPages_bytes", "Bounce_bytes", "Buffers_bytes", "Cached_bytes", "CmaFree_bytes",
            "CmaTotal_bytes", "CommitLimit_bytes", "Committed_AS_bytes", "DirectMap1G_bytes", "DirectMap2M_bytes",
            "DirectMap4k_bytes", "Dirty_bytes", "HardwareCorrupted_bytes", "Hugepagesize_bytes", "Inactive_bytes",
            "Inactive_anon_bytes", "Inactive_file_bytes", "KernelStack_bytes", "Mapped_bytes", "MemAvailable_bytes",
            "MemFree_bytes", "MemTotal_bytes", "Mlocked_bytes", "NFS_Unstable_bytes", "PageTables_bytes", "Percpu_bytes",
            "SReclaimable_bytes", "SUnreclaim_bytes", "Shmem_bytes", "ShmemHugePages_bytes", "ShmemPmdMapped_bytes",
            "Slab_bytes", "SwapCached_bytes", "SwapFree_bytes", "SwapTotal_bytes", "Unevictable_bytes",
            "VmallocChunk_bytes", "VmallocTotal_bytes", "VmallocUsed_bytes", "Writeback_bytes", "WritebackTmp_bytes",
            "Zswap_bytes", "Zswapped_bytes", "HugePages_Free", "HugePages_Rsvd", "HugePages_Surp", "HugePages_Total");

    /** Known, deliberate differences between node_exporter 1.5.0 and the agent (v1.12.1 behaviour). */
    static ExporterComparison.Rules rules() {
        ExporterComparison.Rules rules = new ExporterComparison.Rules()
                .ignore("go_.*", "node_exporter's Go runtime; the agent has no Go runtime")
                .ignore("process_.*", "each exporter's own process, not the host")
                .check(ExporterComparison.Check.LABELS_ONLY, "requests each exporter has served, not the host",
                        "promhttp_metric_handler_requests_total", "promhttp_metric_handler_requests_in_flight",
                        "promhttp_metric_handler_errors_total")
                .check(ExporterComparison.Check.LABELS_ONLY, "how long each exporter took",
                        "node_scrape_collector_duration_seconds", "node_textfile_mtime_seconds")
                .check(ExporterComparison.Check.LABEL_NAMES_ONLY, "label values name the exporter and its version",
                        "node_exporter_build_info")
                .check(ExporterComparison.Check.COLLECTOR_SUCCESS,
                        "1.5.0's parsers fail on some newer kernel files (schedstat) that the agent reads",
                        "node_scrape_collector_success")
                .check(ExporterComparison.Check.EXACT, "host constants",
                        "node_memory_MemTotal_bytes", "node_memory_SwapTotal_bytes", "node_memory_Hugepagesize_bytes",
                        "node_memory_HugePages_Total", "node_memory_VmallocTotal_bytes", "node_memory_CommitLimit_bytes",
                        "node_boot_time_seconds", "node_filesystem_size_bytes", "node_filesystem_files",
                        "node_filesystem_readonly", "node_filesystem_device_error", "node_filefd_maximum",
                        "node_entropy_pool_size_bits", "node_nf_conntrack_entries_limit", "node_network_mtu_bytes",
                        "node_network_up", "node_network_speed_bytes", "node_network_flags", "node_network_iface_id",
                        "node_network_iface_link", "node_network_protocol_type", "node_network_transmit_queue_length",
                        "node_time_zone_offset_seconds", "node_timex_tick_seconds", "node_os_version",
                        "node_cpu_scaling_frequency_max_hertz", "node_cpu_scaling_frequency_min_hertz",
                        "node_cooling_device_max_state", "node_textfile_scrape_error", "nodepulse_it_textfile_answer")
                .check(ExporterComparison.Check.COUNTER, "wall-clock time only moves forward between the scrapes",
                        "node_time_seconds")
                .check(ExporterComparison.Check.GAUGE, "established connections include the test's own scrapes",
                        "node_netstat_Tcp_CurrEstab")
                .counterLike("node_(vmstat|netstat)_.*", "kernel event counters that node_exporter publishes untyped")
                .slack("node_cpu_seconds_total", 0.05,
                        "the kernel's per-CPU idle/iowait can step back by a few ticks; each exporter clamps only "
                                + "its own history")
                .notInAgent(f -> f.startsWith("node_memory_") && !MEMINFO_1_12.contains(f.substring("node_memory_".length())),
                        "node_memory_* other than v1.12.1's " + MEMINFO_1_12.size() + " fields",
                        "1.5.0 published every /proc/meminfo line; v1.12.1 publishes only the fields procfs names "
                                + "(no Balloon, FileHugePages, FilePmdMapped, Hugetlb, KReclaimable, SecPageTables, ...)")
                .agentOnlyLabel("node_exporter_build_info", "tags", "the Go build tags label was added after 1.5.0")
                .agentOnlyLabel("node_disk_info", "rotational", "added in node_exporter 1.9")
                .agentOnlyLabel("node_network_info", "adminstate", "added in node_exporter 1.6")
                .agentOnlyLabel("node_nvme_info", "cntlid", "added in node_exporter 1.10");
        for (String f : List.of("size_bytes", "free_bytes", "avail_bytes", "files", "files_free", "readonly",
                "device_error")) {
            rules.agentOnlyLabel("node_filesystem_" + f, "device_error", "added to every filesystem family in 1.8");
        }
        return rules;
    }

    @Test
    void agentMatchesDebiansNodeExporter() throws Exception {
        assumeTrue(Files.isExecutable(NODE_EXPORTER), NODE_EXPORTER + " not installed; skipping the side-by-side test");

        List<String> collectors = comparedCollectors();
        System.out.println("[node_exporter comparison] collectors: " + collectors);
        FlagSet agentFlags = AgentFlags.define();
        Path textfiles = Files.createTempDirectory("nodepulse-it-textfile");
        try {
            Files.writeString(textfiles.resolve("it.prom"), """
                    # HELP nodepulse_it_textfile_answer A constant both exporters read from the same file.
                    # TYPE nodepulse_it_textfile_answer gauge
                    nodepulse_it_textfile_answer{source="it"} 42
                    """);
            List<String> common = new ArrayList<>();
            common.add("--collector.disable-defaults");
            collectors.forEach(c -> common.add("--collector." + c));
            List<String> shared = List.of("--collector.textfile.directory=" + textfiles);

            List<String> neFlags = new ArrayList<>(common);
            neFlags.addAll(shared);
            neFlags.addAll(NODE_EXPORTER_AS_1_12);

            List<String> agentArgs = new ArrayList<>(common);
            // Shared flags go to the agent only once it knows them (the collector may not be merged yet).
            shared.stream().filter(f -> agentFlags.has(f.substring(2, f.indexOf('=')))).forEach(agentArgs::add);

            try (ExternalServer ne = startNodeExporter(neFlags); AgentProcess agent = AgentProcess.start(agentArgs)) {
                // Warm both up once so caches and first-scrape effects are behind us.
                agent.get("/metrics");
                ne.get("/metrics");
                AgentProcess.Response before = agent.get("/metrics");
                AgentProcess.Response reference = ne.get("/metrics");
                AgentProcess.Response after = agent.get("/metrics");
                assertEquals(200, before.status());
                assertEquals(200, reference.status());
                assertEquals(200, after.status());

                ExporterComparison.Report report = ExporterComparison.compare(Scrape.parse(before.body()),
                        Scrape.parse(reference.body()), Scrape.parse(after.body()), rules());
                System.out.println("[node_exporter comparison] known differences applied:");
                rules().reasons().forEach(r -> System.out.println("  " + r));
                System.out.println("[node_exporter comparison] " + report.render());

                Scrape ref = Scrape.parse(reference.body());
                Set<String> coreMissing = new TreeSet<>();
                for (String c : collectors) {
                    if (!succeeded(ref, c)) {
                        continue;
                    }
                    for (String family : CORE.getOrDefault(c, List.of())) {
                        if (!report.comparedFamilies().contains(family)) {
                            coreMissing.add(family + " (" + c + ")");
                        }
                    }
                }
                assertTrue(coreMissing.isEmpty(), "core families not present in both outputs: " + coreMissing);
                assertTrue(report.ok(), "the agent differs from node_exporter:\n" + report.render());
            }
        } finally {
            try (Stream<Path> files = Files.walk(textfiles)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Debian's node_exporter on a free loopback port with {@code flags}, the same flags the agent gets. */
    private static ExternalServer startNodeExporter(List<String> flags) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(NODE_EXPORTER.toString()));
        cmd.addAll(flags);
        int port = AgentProcess.freePort();
        cmd.add("--web.listen-address=127.0.0.1:" + port);
        return ExternalServer.start("node_exporter", cmd, port, "/metrics", Duration.ofSeconds(20));
    }

    /**
     * The opt-in ethtool collector, on its own: both exporters ask this host's interfaces through SIOCETHTOOL.
     * Driver statistics, node_ethtool_info and the link mode families must match in name, labels and value.
     */
    @Test
    void ethtoolMatchesDebiansNodeExporter() throws Exception {
        assumeTrue(Files.isExecutable(NODE_EXPORTER), NODE_EXPORTER + " not installed; skipping the side-by-side test");
        assumeTrue(nodeExporterCollectors().contains("ethtool"), "this node_exporter has no ethtool collector");
        List<String> common = List.of("--collector.disable-defaults", "--collector.ethtool");
        try (ExternalServer ne = startNodeExporter(common); AgentProcess agent = AgentProcess.start(common)) {
            AgentProcess.Response before = agent.get("/metrics");
            AgentProcess.Response reference = ne.get("/metrics");
            AgentProcess.Response after = agent.get("/metrics");
            assertEquals(200, reference.status());
            Scrape ref = Scrape.parse(reference.body());
            assumeTrue(succeeded(ref, "ethtool"), "node_exporter's ethtool collector failed on this host");
            ExporterComparison.Report report = ExporterComparison.compare(Scrape.parse(before.body()), ref,
                    Scrape.parse(after.body()), rules());
            System.out.println("[node_exporter comparison, ethtool] " + report.render());
            assertTrue(report.ok(), "the agent's ethtool collector differs from node_exporter's:\n" + report.render());
            assertTrue(report.comparedFamilies().stream().anyMatch(f -> f.startsWith("node_ethtool_")),
                    "no node_ethtool_ family compared: " + report.comparedFamilies());
        }
    }

    /**
     * The opt-in perf collector, on its own. Each exporter counts from the moment it opened its counters, so
     * values cannot be compared across processes; the families, their types and the cpu label values must be
     * the same (Debian's 1.5.0 has the same families and defaults; it lacks the profiler selection flags).
     */
    @Test
    void perfFamiliesMatchDebiansNodeExporter() throws Exception {
        assumeTrue(Files.isExecutable(NODE_EXPORTER), NODE_EXPORTER + " not installed; skipping the side-by-side test");
        assumeTrue(nodeExporterCollectors().contains("perf"), "this node_exporter has no perf collector");
        List<String> common = List.of("--collector.disable-defaults", "--collector.perf");
        try (ExternalServer ne = startNodeExporter(common); AgentProcess agent = AgentProcess.start(common)) {
            Scrape ref = Scrape.parse(ne.get("/metrics").body());
            Scrape ours = Scrape.parse(agent.get("/metrics").body());
            assumeTrue(succeeded(ref, "perf"), "node_exporter's perf collector failed on this host");
            assertTrue(succeeded(ours, "perf"), "the agent's perf collector failed");
            Map<String, Set<Map<String, String>>> refSeries = perfSeries(ref);
            Map<String, Set<Map<String, String>>> ourSeries = perfSeries(ours);
            System.out.println("[node_exporter comparison, perf] families " + refSeries.keySet());
            assumeTrue(!refSeries.isEmpty(), "node_exporter exports no perf counter here (perf_event_open not permitted?)");
            assertEquals(refSeries, ourSeries);
            for (String family : refSeries.keySet()) {
                assertEquals(ref.type(family), ours.type(family), family);
            }
        }
    }

    private static Map<String, Set<Map<String, String>>> perfSeries(Scrape s) {
        Map<String, Set<Map<String, String>>> out = new java.util.TreeMap<>();
        for (Scrape.Sample x : s.samples()) {
            if (x.name().startsWith("node_perf_")) {
                out.computeIfAbsent(x.name(), k -> new java.util.HashSet<>()).add(x.labels());
            }
        }
        return out;
    }

    /** The agent's default collectors that this node_exporter also has. */
    static List<String> comparedCollectors() throws Exception {
        Set<String> known = nodeExporterCollectors();
        return CollectorCatalog.all().stream().filter(CollectorSpec::enabledByDefault).map(CollectorSpec::name)
                .filter(known::contains).toList();
    }

    private static Set<String> nodeExporterCollectors() throws Exception {
        Process p = new ProcessBuilder(NODE_EXPORTER.toString(), "--help").redirectErrorStream(true).start();
        String help = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("--(?:\\[no-])?collector\\.([a-z_0-9]+)\\s+Enable the \\1 collector").matcher(help);
        while (m.find()) {
            names.add(m.group(1));
        }
        assertTrue(names.contains("cpu"), "could not read the collector list from node_exporter --help:\n" + help);
        return names;
    }

    private static boolean succeeded(Scrape s, String collector) {
        return s.all("node_scrape_collector_success").stream()
                .anyMatch(x -> collector.equals(x.labels().get("collector")) && x.value() == 1);
    }
}
