package dev.nodepulse.procfs.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nodepulse.procfs.FileTree;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuOnlineReaderTest {

    @Test
    void everyCpuWhenTheFirstHasTheFile(@TempDir Path sys) throws Exception {
        new FileTree(sys)
                .file("devices/system/cpu/cpu0/online", "1\n")
                .file("devices/system/cpu/cpu1/online", "0\n")
                .dir("devices/system/cpu/cpu2")
                .file("devices/system/cpu/cpu10/online", "1\n")
                .file("devices/system/cpu/online", "0,10\n");
        assertEquals(List.of(new CpuOnline("0", true), new CpuOnline("1", false), new CpuOnline("10", true),
                new CpuOnline("2", false)), CpuOnlineReader.read(sys));
    }

    @Test
    void nothingWhenTheBootCpuCannotBeHotPlugged(@TempDir Path sys) throws Exception {
        new FileTree(sys).dir("devices/system/cpu/cpu0").file("devices/system/cpu/cpu1/online", "1\n");
        assertEquals(List.of(), CpuOnlineReader.read(sys));
    }

    @Test
    void nothingWithoutCpus(@TempDir Path sys) throws Exception {
        assertEquals(List.of(), CpuOnlineReader.read(sys));
    }
}
