package dev.nodepulse.agent.node;

import static dev.nodepulse.agent.node.SinkValues.map;
import static dev.nodepulse.agent.node.SinkValues.run;
import static dev.nodepulse.agent.node.SinkValues.series;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.agent.collector.NoDataException;
import dev.nodepulse.metrics.MetricSink;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpufreqCollectorTest {

    private static void cpu(FakeHost h, int n, String cur, String min, String max, String available, String governor)
            throws IOException {
        String d = "devices/system/cpu/cpu" + n + "/cpufreq/";
        h.sys(d + "scaling_cur_freq", cur + "\n").sys(d + "scaling_min_freq", min + "\n")
                .sys(d + "scaling_max_freq", max + "\n").sys(d + "scaling_available_governors", available + "\n")
                .sys(d + "scaling_driver", "intel_pstate\n").sys(d + "scaling_governor", governor + "\n")
                .sys(d + "related_cpus", n + "\n").sys(d + "scaling_setspeed", "<unsupported>\n");
    }

    @Test
    void hertzAndGovernors(@TempDir Path dir) throws Exception {
        FakeHost h = new FakeHost(dir).sys("devices/system/cpu/offline", "\n");
        cpu(h, 0, "1699981", "800000", "3700000", "performance powersave", "powersave");
        cpu(h, 1, "8000", "1000", "4200000", "performance powersave", "performance");
        h.sys("devices/system/cpu/cpu1/cpufreq/cpuinfo_cur_freq", "2100000\n")
                .sys("devices/system/cpu/cpu1/cpufreq/cpuinfo_avg_freq", "2000000\n")
                .sys("devices/system/cpu/cpu1/cpufreq/cpuinfo_min_freq", "400000\n")
                .sys("devices/system/cpu/cpu1/cpufreq/cpuinfo_max_freq", "4700000\n");
        MetricSink s = run(h.collectors().get("cpufreq"));
        assertEquals(map("0", 1.699981e9, "1", 8e6), series(s, "node_cpu_scaling_frequency_hertz"));
        assertEquals(map("0", 8e8, "1", 1e6), series(s, "node_cpu_scaling_frequency_min_hertz"));
        assertEquals(map("0", 3.7e9, "1", 4.2e9), series(s, "node_cpu_scaling_frequency_max_hertz"));
        assertEquals(map("1", 2.1e9), series(s, "node_cpu_frequency_hertz"));
        assertEquals(map("1", 2.0e9), series(s, "node_cpu_frequency_avg_hertz"));
        assertEquals(map("1", 4e8), series(s, "node_cpu_frequency_min_hertz"));
        assertEquals(map("1", 4.7e9), series(s, "node_cpu_frequency_max_hertz"));
        assertEquals(map("0,performance", 0, "0,powersave", 1, "1,performance", 1, "1,powersave", 0),
                series(s, "node_cpu_scaling_governor"));
        assertEquals("GAUGE [cpu, governor] Current enabled CPU frequency governor.",
                SinkValues.shape(s, "node_cpu_scaling_governor"));
        assertEquals("GAUGE [cpu] Current CPU thread frequency in hertz.", SinkValues.shape(s, "node_cpu_frequency_hertz"));
    }

    @Test
    void manyCpusAreReadInParallelWithTheSameResult(@TempDir Path dir) throws Exception {
        FakeHost h = new FakeHost(dir).sys("devices/system/cpu/offline", "3\n");
        for (int n = 0; n < 12; n++) {
            cpu(h, n, Integer.toString(1000 + n), "1", "2", "schedutil", "schedutil");
        }
        MetricSink s = run(new CpufreqCollector(h.paths));
        Map12 expected = new Map12();
        assertEquals(expected.values, series(s, "node_cpu_scaling_frequency_hertz"));
    }

    /** cpu0..cpu11 without the offline cpu3, each at (1000 + n) kHz. */
    private static final class Map12 {
        final java.util.Map<String, Double> values = new java.util.TreeMap<>();

        Map12() {
            for (int n = 0; n < 12; n++) {
                if (n != 3) {
                    values.put(Integer.toString(n), (1000 + n) * 1000.0);
                }
            }
        }
    }

    @Test
    void noGovernorNoGovernorSeries(@TempDir Path dir) throws Exception {
        FakeHost h = new FakeHost(dir).sys("devices/system/cpu/offline", "\n");
        cpu(h, 0, "1", "1", "1", "", "");
        MetricSink s = run(new CpufreqCollector(h.paths));
        assertTrue(series(s, "node_cpu_scaling_governor").isEmpty());
        assertEquals(1, series(s, "node_cpu_scaling_frequency_hertz").size());
    }

    @Test
    void cpusWithoutCpufreqPublishNothing(@TempDir Path dir) throws Exception {
        FakeHost h = new FakeHost(dir).sys("devices/system/cpu/offline", "\n").sysDir("devices/system/cpu/cpu0");
        assertTrue(SinkValues.families(run(new CpufreqCollector(h.paths))).isEmpty());
    }

    @Test
    void noCpuDirectoriesIsAnErrorNotNoData(@TempDir Path dir) throws Exception {
        FakeHost h = new FakeHost(dir).sys("devices/system/cpu/offline", "\n");
        Exception e = assertThrows(IOException.class, () -> run(new CpufreqCollector(h.paths)));
        assertFalse(e instanceof NoDataException);
    }
}
