package dev.nodepulse.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Debian's Prometheus server scrapes the agent every second; the PromQL that node dashboards run must give
 * values that agree with what this test reads from /proc itself over the same window.
 *
 * <p>Queries on families whose collector is not merged yet are skipped with "pending merge" (an assumption on
 * the family being in the agent's output), so they turn on by themselves once it is.
 */
class PrometheusScrapeIT {

    private static final String JOB = "nodepulse";
    /** The PromQL range; ten 1 s scrapes. The test measures /proc over the same window. */
    private static final int WINDOW_SECONDS = 10;

    private static AgentProcess agent;
    private static PrometheusServer prometheus;
    private static Scrape direct;
    private static ProcSnapshot start;
    private static ProcSnapshot end;

    /** What the test reads from /proc itself, with the wall-clock time it read it. */
    record ProcSnapshot(double epochSeconds, Map<String, Long> idleTicks, Map<String, Long> rxBytes, long memAvailable,
            long memTotal, double load1) {

        static ProcSnapshot read() throws Exception {
            double t = System.currentTimeMillis() / 1000.0;
            Map<String, Long> idle = new TreeMap<>();
            for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
                String[] f = line.trim().split("\\s+");
                if (f[0].startsWith("cpu") && f[0].length() > 3) {
                    idle.put(f[0].substring(3), Long.parseLong(f[4]));
                }
            }
            Map<String, Long> rx = new TreeMap<>();
            for (String line : Files.readAllLines(Path.of("/proc/net/dev"))) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    rx.put(line.substring(0, colon).trim(), Long.parseLong(line.substring(colon + 1).trim().split("\\s+")[0]));
                }
            }
            Map<String, Long> mem = new TreeMap<>();
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                String[] f = line.split("\\s+");
                mem.put(f[0].replace(":", ""), Long.parseLong(f[1]) * (f.length > 2 ? 1024 : 1));
            }
            double load1 = Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
            return new ProcSnapshot(t, idle, rx, mem.get("MemAvailable"), mem.get("MemTotal"), load1);
        }
    }

    @BeforeAll
    static void scrapeForAWhile() throws Exception {
        assumeTrue(Files.isExecutable(PrometheusServer.BINARY), PrometheusServer.BINARY + " not installed; skipping");
        agent = AgentProcess.start(List.of());
        direct = Scrape.parse(agent.get("/metrics").body());
        prometheus = PrometheusServer.start(JOB, List.of("127.0.0.1:" + agent.port()), Duration.ofSeconds(1));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (prometheus.query("up{job=\"" + JOB + "\"} == 1").isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "Prometheus never scraped the agent successfully:\n"
                    + prometheus.output());
            Thread.sleep(250);
        }
        start = ProcSnapshot.read();
        Thread.sleep(WINDOW_SECONDS * 1000L);
        end = ProcSnapshot.read();
        // Let the scrape that covers the end of the window be ingested.
        Thread.sleep(1500);
    }

    @AfterAll
    static void stop() {
        if (prometheus != null) {
            prometheus.close();
        }
        if (agent != null) {
            agent.close();
        }
    }

    private static List<PrometheusServer.Sample> atEnd(String promql) throws Exception {
        return prometheus.query(promql, end.epochSeconds());
    }

    private static String range() {
        return "[" + WINDOW_SECONDS + "s]";
    }

    private static double elapsed() {
        return end.epochSeconds() - start.epochSeconds();
    }

    /** Skips (not fails) while the collector publishing {@code family} has not been merged into the agent. */
    private static void pendingMerge(String family, String collector) {
        String why = "pending merge: the agent does not publish " + family + " yet (" + collector
                + " collector); this check turns on when it does";
        if (!direct.has(family)) {
            System.out.println("[promql] SKIPPED " + why);
        }
        assumeTrue(direct.has(family), why);
    }

    @Test
    void targetIsUpAndEverySampleIsIngested() throws Exception {
        assertEquals(1.0, atEnd("up{job=\"" + JOB + "\"}").get(0).value());
        double scraped = atEnd("scrape_samples_scraped{job=\"" + JOB + "\"}").get(0).value();
        // The series set is fixed on this host apart from a collector appearing or failing: same order of size.
        assertTrue(Math.abs(scraped - direct.samples().size()) <= 0.1 * direct.samples().size(),
                "Prometheus ingested " + scraped + " samples, a direct scrape has " + direct.samples().size());
    }

    @Test
    void idleCpuRateMatchesProcStat() throws Exception {
        List<PrometheusServer.Sample> rates = atEnd("rate(node_cpu_seconds_total{job=\"" + JOB + "\",mode=\"idle\"}"
                + range() + ")");
        Set<String> cpus = rates.stream().map(s -> s.metric().get("cpu")).collect(Collectors.toSet());
        assertEquals(start.idleTicks().keySet(), cpus, "one idle series per CPU line of /proc/stat");
        double hz = clockTicks();
        double promSum = 0;
        double procSum = 0;
        for (PrometheusServer.Sample s : rates) {
            String cpu = s.metric().get("cpu");
            double proc = (end.idleTicks().get(cpu) - start.idleTicks().get(cpu)) / hz / elapsed();
            System.out.printf("[promql] idle rate cpu %s: prometheus %.3f, /proc/stat %.3f%n", cpu, s.value(), proc);
            assertTrue(s.value() >= 0 && s.value() <= 1.05, "idle rate of cpu " + cpu + " is " + s.value());
            promSum += s.value();
            procSum += proc;
        }
        // Both measure the same 10 s; the edges differ by up to one scrape interval of a shared, busy machine.
        assertTrue(Math.abs(promSum - procSum) <= 0.2 * cpus.size() + 0.05,
                "summed idle rate: prometheus " + promSum + ", /proc/stat " + procSum);
    }

    @Test
    void memAvailableMatchesProcMeminfo() throws Exception {
        List<PrometheusServer.Sample> v = atEnd("node_memory_MemAvailable_bytes{job=\"" + JOB + "\"}");
        assertEquals(1, v.size());
        double prom = v.get(0).value();
        System.out.printf("[promql] MemAvailable: prometheus %.0f, /proc/meminfo %d%n", prom, end.memAvailable());
        assertTrue(prom > 0 && prom <= end.memTotal(), "MemAvailable " + prom + " of " + end.memTotal());
        assertTrue(Math.abs(prom - end.memAvailable()) <= 0.05 * end.memTotal(),
                "MemAvailable: prometheus " + prom + ", /proc/meminfo " + end.memAvailable());
    }

    @Test
    void load1MatchesProcLoadavg() throws Exception {
        List<PrometheusServer.Sample> v = atEnd("node_load1{job=\"" + JOB + "\"}");
        assertEquals(1, v.size());
        System.out.printf("[promql] load1: prometheus %.2f, /proc/loadavg %.2f%n", v.get(0).value(), end.load1());
        // The kernel moves load1 by at most ~8 % of the gap to the run-queue length per 5 s tick.
        assertTrue(Math.abs(v.get(0).value() - end.load1()) <= 0.5 + 0.25 * end.load1(),
                "load1: prometheus " + v.get(0).value() + ", /proc/loadavg " + end.load1());
    }

    @Test
    void rootFilesystemAvailMatchesStatfs() throws Exception {
        pendingMerge("node_filesystem_avail_bytes", "filesystem");
        List<PrometheusServer.Sample> v = atEnd("node_filesystem_avail_bytes{job=\"" + JOB + "\",mountpoint=\"/\"}");
        assertEquals(1, v.size(), "one node_filesystem_avail_bytes series for /");
        FileStore root = Files.getFileStore(Path.of("/"));
        double avail = root.getUsableSpace();
        System.out.printf("[promql] / avail: prometheus %.0f, statfs %.0f (%s)%n", v.get(0).value(), avail, root.type());
        assertEquals(root.type(), v.get(0).metric().get("fstype"));
        // Other builds on this machine write to the same disk between the scrape and this statfs.
        assertTrue(Math.abs(v.get(0).value() - avail) <= Math.max(512.0 * (1 << 20), 0.01 * root.getTotalSpace()),
                "/ avail: prometheus " + v.get(0).value() + ", statfs " + avail);
        List<PrometheusServer.Sample> size = atEnd("node_filesystem_size_bytes{job=\"" + JOB + "\",mountpoint=\"/\"}");
        assertEquals((double) root.getTotalSpace(), size.get(0).value(), "size of / equals statfs f_blocks * f_frsize");
    }

    @Test
    void networkReceiveRateMatchesProcNetDev() throws Exception {
        pendingMerge("node_network_receive_bytes_total", "netdev");
        List<PrometheusServer.Sample> rates = atEnd("rate(node_network_receive_bytes_total{job=\"" + JOB + "\"}"
                + range() + ")");
        Map<String, Double> byDevice = new TreeMap<>();
        rates.forEach(s -> byDevice.put(s.metric().get("device"), s.value()));
        // v1.12.1 has no default device exclude (Debian's 1.5.0 dropped lo).
        assertEquals(start.rxBytes().keySet(), byDevice.keySet(), "one series per /proc/net/dev interface");
        byDevice.values().forEach(r -> assertTrue(r >= 0, "negative rate " + r));
        double proc = (end.rxBytes().get("lo") - start.rxBytes().get("lo")) / elapsed();
        double prom = byDevice.get("lo");
        System.out.printf("[promql] lo receive rate: prometheus %.0f B/s, /proc/net/dev %.0f B/s%n", prom, proc);
        // Prometheus scraping the agent over lo every second guarantees traffic.
        assertTrue(prom > 0, "no traffic seen on lo");
        // Other tests on this machine share lo, bursts at the window edges count differently: same magnitude.
        assertTrue(prom >= proc / 3 - 10240 && prom <= proc * 3 + 10240,
                "lo receive rate: prometheus " + prom + ", /proc/net/dev " + proc);
    }

    @Test
    void agentAnswersPrometheusInOpenMetrics() throws Exception {
        // Prometheus 2.42 asks for OpenMetrics first; counters must still arrive under their _total name.
        assertFalse(atEnd("node_context_switches_total{job=\"" + JOB + "\"}").isEmpty());
        assertFalse(atEnd("node_cpu_seconds_total{job=\"" + JOB + "\"}").isEmpty());
    }

    private static double clockTicks() throws Exception {
        Process p = new ProcessBuilder("getconf", "CLK_TCK").start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        p.waitFor();
        return Double.parseDouble(out);
    }
}
