package dev.nodepulse.procfs.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nodepulse.procfs.FileTree;
import dev.nodepulse.procfs.ParseException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpufreqReaderTest {

    private static void cpufreq(FileTree t, int cpu, String cur, String min, String max, String governor)
            throws Exception {
        String d = "devices/system/cpu/cpu" + cpu + "/cpufreq/";
        t.file(d + "scaling_cur_freq", cur + "\n")
                .file(d + "scaling_min_freq", min + "\n")
                .file(d + "scaling_max_freq", max + "\n")
                .file(d + "cpuinfo_transition_latency", "0\n")
                .file(d + "scaling_available_governors", "performance powersave\n")
                .file(d + "scaling_driver", "intel_pstate\n")
                .file(d + "scaling_governor", governor + "\n")
                .file(d + "related_cpus", cpu + "\n")
                .file(d + "scaling_setspeed", "<unsupported>\n");
    }

    private static FileTree fourCpus(Path sys) throws Exception {
        FileTree t = new FileTree(sys).file("devices/system/cpu/offline", "\n");
        cpufreq(t, 0, "1699981", "800000", "3700000", "powersave");
        cpufreq(t, 1, "1699981", "800000", "3700000", "powersave");
        cpufreq(t, 2, "8000", "1000", "4200000", "performance");
        cpufreq(t, 3, "8000", "1000", "4200000", "powersave");
        return t;
    }

    @Test
    void readsEveryCpu(@TempDir Path sys) throws Exception {
        fourCpus(sys).file("devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq", "4200000\n");
        List<Cpufreq> cpus = CpufreqReader.read(sys, null);
        assertEquals(4, cpus.size());
        Cpufreq c0 = cpus.get(0);
        assertEquals("0", c0.cpu());
        assertEquals(OptionalLong.of(1699981), c0.scalingCurKHz());
        assertEquals(OptionalLong.of(800000), c0.scalingMinKHz());
        assertEquals(OptionalLong.of(3700000), c0.scalingMaxKHz());
        assertEquals(OptionalLong.of(4200000), c0.cpuinfoMaxKHz());
        assertEquals(OptionalLong.empty(), c0.cpuinfoCurKHz());
        assertEquals("performance powersave", c0.availableGovernors());
        assertEquals("powersave", c0.governor());
        assertEquals("performance", cpus.get(2).governor());
        assertEquals(OptionalLong.of(1000), cpus.get(3).scalingMinKHz());
    }

    @Test
    void parallelReadGivesTheSameAnswer(@TempDir Path sys) throws Exception {
        fourCpus(sys);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            assertEquals(CpufreqReader.read(sys, null), CpufreqReader.read(sys, pool));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void offlineCpusAndCpusWithoutCpufreqAreLeftOut(@TempDir Path sys) throws Exception {
        fourCpus(sys).file("devices/system/cpu/offline", "1-2\n").dir("devices/system/cpu/cpu4");
        List<Cpufreq> cpus = CpufreqReader.read(sys, null);
        assertEquals(List.of("0", "3"), cpus.stream().map(Cpufreq::cpu).toList());
    }

    @Test
    void cpusWithoutAnyCpufreqGiveAnEmptyList(@TempDir Path sys) throws Exception {
        new FileTree(sys).file("devices/system/cpu/offline", "\n").dir("devices/system/cpu/cpu0");
        assertEquals(List.of(), CpufreqReader.read(sys, null));
    }

    @Test
    void noCpusOrNoOfflineFileIsNotFound(@TempDir Path sys) throws Exception {
        new FileTree(sys).file("devices/system/cpu/offline", "\n");
        assertThrows(NoSuchFileException.class, () -> CpufreqReader.read(sys, null));
        Files.delete(sys.resolve("devices/system/cpu/offline"));
        new FileTree(sys).dir("devices/system/cpu/cpu0/cpufreq");
        assertThrows(NoSuchFileException.class, () -> CpufreqReader.read(sys, null));
    }

    @Test
    void unreadableFrequencyIsAbsentButGarbageFails(@TempDir Path sys) throws Exception {
        FileTree t = fourCpus(sys);
        Path cur = sys.resolve("devices/system/cpu/cpu0/cpufreq/cpuinfo_cur_freq");
        t.file("devices/system/cpu/cpu0/cpufreq/cpuinfo_cur_freq", "1800000\n");
        Files.setPosixFilePermissions(cur, PosixFilePermissions.fromString("---------"));
        boolean root = Files.isReadable(cur);
        if (!root) {
            assertEquals(OptionalLong.empty(), CpufreqReader.read(sys, null).get(0).cpuinfoCurKHz());
        }
        Files.setPosixFilePermissions(cur, PosixFilePermissions.fromString("rw-r--r--"));
        t.file("devices/system/cpu/cpu0/cpufreq/cpuinfo_cur_freq", "fast\n");
        assertThrows(ParseException.class, () -> CpufreqReader.read(sys, null));
        t.file("devices/system/cpu/offline", "x\n");
        assertThrows(ParseException.class, () -> CpufreqReader.read(sys, null));
    }

    @Test
    void theGovernorFilesAreRequired(@TempDir Path sys) throws Exception {
        fourCpus(sys);
        Files.delete(sys.resolve("devices/system/cpu/cpu2/cpufreq/scaling_setspeed"));
        assertThrows(NoSuchFileException.class, () -> CpufreqReader.read(sys, null));
    }
}
