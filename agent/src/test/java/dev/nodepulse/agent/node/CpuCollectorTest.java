package dev.nodepulse.agent.node;

import static dev.nodepulse.agent.node.SinkValues.map;
import static dev.nodepulse.agent.node.SinkValues.run;
import static dev.nodepulse.agent.node.SinkValues.series;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.natives.Sysconf;
import dev.nodepulse.procfs.proc.CpuinfoParser.Format;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuCollectorTest {

    private static final String CPUINFO_BLOCK = """
            processor\t: %d
            vendor_id\t: GenuineIntel
            cpu family\t: 6
            model\t\t: 142
            model name\t: Intel(R) Core(TM) i7-8650U CPU @ 1.90GHz
            stepping\t: 10
            microcode\t: 0xb4
            cpu MHz\t\t: %s
            cache size\t: 8192 KB
            physical id\t: 0
            siblings\t: 2
            core id\t\t: %d
            cpu cores\t: 2
            flags\t\t: fpu vme aes avx avx2 avx512f constant_tsc
            bugs\t\t: cpu_meltdown spectre_v1 spectre_v2 mds swapgs
            power management:

            """;

    @TempDir
    Path dir;
    FakeHost host;
    double hz;

    @BeforeEach
    void host() throws Exception {
        host = new FakeHost(dir);
        hz = Sysconf.clockTicks();
        host.proc("stat", """
                cpu  600 10 300 9000 5 0 2 1 40 3
                cpu0 400 10 200 4000 5 0 2 1 30 3
                cpu1 200 0 100 5000 0 0 0 0 10 0
                intr 1
                ctxt 2
                btime 3
                """);
        host.proc("cpuinfo", CPUINFO_BLOCK.formatted(0, "799.998", 0) + CPUINFO_BLOCK.formatted(1, "2400.5", 1));
        for (int cpu = 0; cpu < 2; cpu++) {
            String d = "devices/system/cpu/cpu" + cpu + "/";
            host.sys(d + "topology/physical_package_id", "0\n").sys(d + "topology/core_id", cpu + "\n")
                    .sys(d + "thermal_throttle/core_throttle_count", (cpu * 4 + 1) + "\n")
                    .sys(d + "thermal_throttle/package_throttle_count", "30\n");
        }
    }

    private CpuCollector collector(boolean info, String flags, String bugs, boolean cpufreq, List<Integer> isolated) {
        return new CpuCollector(host.paths, new CpuCollector.Options(true, info,
                flags == null ? null : Pattern.compile(flags), bugs == null ? null : Pattern.compile(bugs), cpufreq,
                Format.X86), isolated);
    }

    @Test
    void secondsPerModeAndGuest() throws Exception {
        MetricSink s = run(collector(false, null, null, true, null));
        Map<String, Double> sec = series(s, "node_cpu_seconds_total");
        assertEquals(16, sec.size());
        assertEquals(400 / hz, sec.get("0,user"));
        assertEquals(4000 / hz, sec.get("0,idle"));
        assertEquals(1 / hz, sec.get("0,steal"));
        assertEquals(100 / hz, sec.get("1,system"));
        assertEquals(map("0,nice", 3 / hz, "0,user", 30 / hz, "1,nice", 0, "1,user", 10 / hz),
                series(s, "node_cpu_guest_seconds_total"));
        assertTrue(series(s, "node_cpu_info").isEmpty());
    }

    @Test
    void infoFrequencyFlagsAndBugs() throws Exception {
        MetricSink s = run(collector(true, "^(aes|avx.?|constant_tsc)$", "^(cpu_meltdown|spectre_.*|mds)$", true, null));
        String model = "Intel(R) Core(TM) i7-8650U CPU @ 1.90GHz";
        assertEquals(map("0,0,0,GenuineIntel,6,142," + model + ",0xb4,10,8192 KB", 1,
                        "0,1,1,GenuineIntel,6,142," + model + ",0xb4,10,8192 KB", 1),
                series(s, "node_cpu_info"));
        assertEquals("GAUGE [package, core, cpu, vendor, family, model, model_name, microcode, stepping, cachesize] "
                + "CPU information from /proc/cpuinfo.", SinkValues.shape(s, "node_cpu_info"));
        assertEquals(map("0,0,0", 799.998e6, "0,1,1", 2400.5e6), series(s, "node_cpu_frequency_hertz"));
        assertEquals(map("aes", 1, "avx", 1, "avx2", 1, "constant_tsc", 1), series(s, "node_cpu_flag_info"));
        assertEquals(map("cpu_meltdown", 1, "mds", 1, "spectre_v1", 1, "spectre_v2", 1), series(s, "node_cpu_bug_info"));
    }

    @Test
    void frequencyOnlyWithCpufreqAndFlagsOnlyWithARegex() throws Exception {
        MetricSink s = run(collector(true, null, null, false, null));
        assertEquals(2, series(s, "node_cpu_info").size());
        assertTrue(series(s, "node_cpu_frequency_hertz").isEmpty());
        assertTrue(series(s, "node_cpu_flag_info").isEmpty());
        assertTrue(series(s, "node_cpu_bug_info").isEmpty());
    }

    @Test
    void aBrokenCpuinfoFailsTheCollectorBeforeAnythingElse() throws Exception {
        host.proc("cpuinfo", "processor\t: 0\ncpu MHz\t\t: fast\n");
        CpuCollector c = collector(true, null, null, true, null);
        MetricSink sink = new MetricSink();
        assertThrows(ParseException.class, () -> c.update(sink));
        assertNull(sink.get("node_cpu_seconds_total"));
        // without --collector.cpu.info the file is not read at all
        host.deleteProc("cpuinfo");
        assertEquals(16, series(run(collector(false, null, null, true, null)), "node_cpu_seconds_total").size());
    }

    @Test
    void throttlesIsolationAndOnline() throws Exception {
        host.sys("devices/system/cpu/cpu0/online", "1\n").sys("devices/system/cpu/cpu1/online", "0\n");
        MetricSink s = run(collector(false, null, null, true, List.of(1, 3, 4)));
        assertEquals(map("0", 30), series(s, "node_cpu_package_throttles_total"));
        assertEquals(map("0,0", 1, "0,1", 5), series(s, "node_cpu_core_throttles_total"));
        assertEquals("COUNTER [package, core] Number of times this CPU core has been throttled.",
                SinkValues.shape(s, "node_cpu_core_throttles_total"));
        assertEquals(map("1", 1, "3", 1, "4", 1), series(s, "node_cpu_isolated"));
        assertEquals(map("0", 1, "1", 0), series(s, "node_cpu_online"));
    }

    @Test
    void noOnlineSeriesWhenTheBootCpuHasNoOnlineFile() throws Exception {
        host.sys("devices/system/cpu/cpu1/online", "1\n");
        MetricSink s = run(collector(false, null, null, true, null));
        assertTrue(series(s, "node_cpu_online").isEmpty());
        assertTrue(series(s, "node_cpu_isolated").isEmpty());
    }

    @Test
    void countersNeverGoBackwardsButAHotplugResets() throws Exception {
        CpuCollector c = collector(false, null, null, true, null);
        run(c);
        host.proc("stat", "cpu0 399 10 200 4000 5 0 2 1 30 3\ncpu1 200 0 100 5000 0 0 0 0 10 0\n");
        assertEquals(400 / hz, series(run(c), "node_cpu_seconds_total").get("0,user"));
        // idle falls by far more than 3 s: the CPU went away and came back
        host.proc("stat", "cpu0 1 0 0 10 0 0 0 0 0 0\ncpu1 200 0 100 5000 0 0 0 0 10 0\n");
        assertEquals(1 / hz, series(run(c), "node_cpu_seconds_total").get("0,user"));
        // a CPU that disappears is no longer published
        host.proc("stat", "cpu1 200 0 100 5000 0 0 0 0 10 0\n");
        assertFalse(series(run(c), "node_cpu_seconds_total").containsKey("0,user"));
    }

    @Test
    void flagsFromTheCommandLine() throws Exception {
        host.sys("devices/system/cpu/isolated", "1,3-5,9\n");
        CpuCollector plain = (CpuCollector) host.collectors().get("cpu");
        assertFalse(plain.options().info());
        assertTrue(plain.options().cpufreqEnabled());

        CpuCollector withFlags = (CpuCollector) host.collectors("--collector.cpu.info.flags-include=^aes$",
                "--no-collector.cpufreq").get("cpu");
        assertTrue(withFlags.options().info(), "an include regex turns cpu.info on");
        assertEquals("^aes$", withFlags.options().flagsInclude().pattern());
        assertNull(withFlags.options().bugsInclude());
        assertFalse(withFlags.options().cpufreqEnabled());
        assertEquals(map("1", 1, "3", 1, "4", 1, "5", 1, "9", 1), series(run(withFlags), "node_cpu_isolated"));

        assertFalse(((CpuCollector) host.collectors("--no-collector.cpu.guest").get("cpu")).options().guest());
    }

    @Test
    void aBrokenIsolatedListStopsTheStart() throws Exception {
        host.sys("devices/system/cpu/isolated", "1-x\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> host.collectors());
        assertTrue(e.getMessage().contains("isolated"), e.getMessage());
    }
}
