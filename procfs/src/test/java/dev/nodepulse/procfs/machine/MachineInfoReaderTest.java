package dev.nodepulse.procfs.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.HostPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Machine facts from a small host tree written here in the kernel's formats. */
class MachineInfoReaderTest {

    @TempDir
    Path tmp;

    private void w(String rel, String text) throws IOException {
        Path p = tmp.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private HostPaths paths() {
        return new HostPaths(tmp.resolve("proc"), tmp.resolve("sys"), tmp.resolve("root"), tmp.resolve("udev"));
    }

    @Test
    void twoSocketHostWithEdacAndNvdimm() throws Exception {
        StringBuilder cpuinfo = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            cpuinfo.append("processor\t: ").append(i).append("\nphysical id\t: ").append(i / 4)
                    .append("\ncore id\t\t: ").append((i % 4) / 2).append("\n\n");
        }
        w("proc/cpuinfo", cpuinfo.toString());
        w("proc/meminfo", "MemTotal:       32768000 kB\nSwapTotal:       1024 kB\n");
        w("proc/sys/kernel/random/boot_id", "b-1\n");
        w("proc/sys/kernel/osrelease", "6.6.0\n");
        w("root/var/lib/dbus/machine-id", "m-1\n");
        w("root/etc/os-release", "NAME=X\nPRETTY_NAME=\"X Linux 1\"\n");
        w("sys/devices/system/edac/mc/mc0/dimm0/dimm_mem_type", "Registered-DDR4\n");
        w("sys/devices/system/edac/mc/mc0/dimm0/size", "16384\n");
        w("sys/devices/system/edac/mc/mc0/dimm1/dimm_mem_type", "Registered-DDR4\n");
        w("sys/devices/system/edac/mc/mc0/dimm1/size", "16384\n");
        w("sys/devices/system/edac/mc/mc1/dimm0/dimm_mem_type", "Non-volatile-RAM\n");
        w("sys/devices/system/edac/mc/mc1/dimm0/size", "131072\n");
        w("sys/bus/nd/devices/region0/size", "1\n");
        MachineInfo m = new MachineInfoReader(paths(), "amd64").read();
        assertEquals(8, m.cores());
        // As cAdvisor counts them: distinct "core id" values, not (socket, core) pairs.
        assertEquals(2, m.physicalCores());
        assertEquals(2, m.sockets());
        assertEquals(0, m.books());
        assertEquals(32768000L * 1024, m.memoryBytes());
        assertEquals(1024L * 1024, m.swapBytes());
        assertEquals(Map.of("Registered-DDR4", new MachineInfo.Dimms(2, 32L << 30),
                "Non-volatile-RAM", new MachineInfo.Dimms(1, 128L << 30)), m.dimms());
        assertFalse(m.noNvm());
        assertEquals("m-1", m.machineId());
        assertEquals("", m.systemUuid());
        assertEquals("X Linux 1", m.osVersion());
        assertEquals("6.6.0", m.kernelVersion());
    }

    @Test
    void topologyFallbackAndS390Books() throws Exception {
        w("proc/cpuinfo", "processor\t: 0\nprocessor\t: 1\n");
        w("proc/meminfo", "MemTotal: 1 kB\n");
        for (int i = 0; i < 2; i++) {
            w("sys/devices/system/cpu/cpu" + i + "/topology/core_id", i + "\n");
            w("sys/devices/system/cpu/cpu" + i + "/topology/physical_package_id", "0\n");
            w("sys/devices/system/cpu/cpu" + i + "/topology/book_id", i + "\n");
            w("sys/devices/system/cpu/cpu" + i + "/topology/drawer_id", "0\n");
        }
        MachineInfo m = new MachineInfoReader(paths(), "s390x").read();
        assertEquals(2, m.physicalCores());
        assertEquals(1, m.sockets());
        assertEquals(2, m.books());
        assertEquals(1, m.drawers());
        assertTrue(m.noNvm());
        assertEquals("Unknown", m.osVersion());
    }
}
