package dev.nodepulse.procfs.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nodepulse.procfs.FileTree;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuThrottleReaderTest {

    private static void cpu(FileTree t, int n, String pkg, String core, String coreCount, String pkgCount)
            throws Exception {
        String d = "devices/system/cpu/cpu" + n + "/";
        if (pkg != null) {
            t.file(d + "topology/physical_package_id", pkg + "\n");
        }
        if (core != null) {
            t.file(d + "topology/core_id", core + "\n");
        }
        if (coreCount != null) {
            t.file(d + "thermal_throttle/core_throttle_count", coreCount + "\n");
        }
        if (pkgCount != null) {
            t.file(d + "thermal_throttle/package_throttle_count", pkgCount + "\n");
        }
    }

    @Test
    void readsOncePerCoreAndPackage(@TempDir Path sys) throws Exception {
        FileTree t = new FileTree(sys);
        cpu(t, 0, "0", "0", "5", "30");
        cpu(t, 1, "0", "1", "0", "30");
        cpu(t, 2, "1", "0", "0", "6");
        cpu(t, 3, "1", "1", "9", "6");
        // the SMT sibling of cpu0 shows another count: the first thread's is kept
        cpu(t, 4, "0", "0", "77", "77");
        CpuThrottles r = CpuThrottleReader.read(sys);
        assertEquals(Map.of(0L, 30L, 1L, 6L), r.packageThrottles());
        assertEquals(Map.of(0L, Map.of(0L, 5L, 1L, 0L), 1L, Map.of(0L, 0L, 1L, 9L)), r.coreThrottles());
    }

    @Test
    void skipsCpusWithoutTopologyAndUnreadableCounts(@TempDir Path sys) throws Exception {
        FileTree t = new FileTree(sys);
        cpu(t, 0, null, "0", "5", "30");
        cpu(t, 1, "0", null, "5", "30");
        cpu(t, 2, "0", "0", null, "garbage");
        cpu(t, 3, "0", "1", "3", "12");
        t.dir("devices/system/cpu/cpufreq").file("devices/system/cpu/online", "0-3\n");
        CpuThrottles r = CpuThrottleReader.read(sys);
        // cpu3 supplies the package count cpu2 could not
        assertEquals(Map.of(0L, 12L), r.packageThrottles());
        assertEquals(Map.of(0L, Map.of(1L, 3L)), r.coreThrottles());
    }

    @Test
    void noCpusNoThrottles(@TempDir Path sys) throws Exception {
        CpuThrottles r = CpuThrottleReader.read(sys);
        assertEquals(Map.of(), r.packageThrottles());
        assertEquals(Map.of(), r.coreThrottles());
    }
}
