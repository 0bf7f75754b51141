package dev.nodepulse.procfs.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.HostPaths;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClocksourceReaderTest {

    private static HostPaths sysAt(Path sys) {
        return new HostPaths(Path.of("/nonexistent-proc"), sys, Path.of("/"), Path.of("/nonexistent-udev"));
    }

    @Test
    void capturedTree() throws Exception {
        Path sys = Fixtures.path("host-capture/sys");
        String available = Files.readString(sys.resolve("devices/system/clocksource/clocksource0/available_clocksource"));
        String current = Files.readString(sys.resolve("devices/system/clocksource/clocksource0/current_clocksource"));
        List<Clocksource> cs = ClocksourceReader.read(sysAt(sys));
        assertEquals(1, cs.size());
        assertEquals("0", cs.get(0).name());
        assertEquals(List.of(available.trim().split("\\s+")), cs.get(0).available());
        assertEquals(current.trim(), cs.get(0).current());
    }

    @Test
    void devicesInNameOrderAndOthersIgnored(@TempDir Path sys) throws Exception {
        for (String d : new String[] {"clocksource2", "clocksource10", "clocksource0"}) {
            Path dir = Files.createDirectories(sys.resolve("devices/system/clocksource/" + d));
            Files.writeString(dir.resolve("available_clocksource"), "tsc hpet " + d + " \n");
            Files.writeString(dir.resolve("current_clocksource"), d + "\n");
        }
        Files.createDirectories(sys.resolve("devices/system/clocksource/power"));
        Files.createDirectories(sys.resolve("devices/system/clocksource/clocksourcex"));
        Files.writeString(sys.resolve("devices/system/clocksource/uevent"), "");
        List<Clocksource> cs = ClocksourceReader.read(sysAt(sys));
        assertEquals(List.of("0", "10", "2"), cs.stream().map(Clocksource::name).toList());
        assertEquals(List.of("tsc", "hpet", "clocksource10"), cs.get(1).available());
        assertEquals("clocksource2", cs.get(2).current());
    }

    @Test
    void attributesAreReadWithOne128ByteRead(@TempDir Path sys) throws Exception {
        Path dir = Files.createDirectories(sys.resolve("devices/system/clocksource/clocksource0"));
        Files.writeString(dir.resolve("available_clocksource"), "a ".repeat(100));
        Files.writeString(dir.resolve("current_clocksource"), "a\n");
        assertEquals(64, ClocksourceReader.read(sysAt(sys)).get(0).available().size());
    }

    @Test
    void missingDirectoryMeansNone(@TempDir Path sys) throws Exception {
        assertTrue(ClocksourceReader.read(sysAt(sys)).isEmpty());
    }

    @Test
    void missingAttributeIsAnError(@TempDir Path sys) throws Exception {
        Path dir = Files.createDirectories(sys.resolve("devices/system/clocksource/clocksource0"));
        Files.writeString(dir.resolve("available_clocksource"), "tsc\n");
        assertThrows(NoSuchFileException.class, () -> ClocksourceReader.read(sysAt(sys)));
    }

    @Test
    void emptyAttributes() {
        Clocksource c = ClocksourceReader.parse("0", "", "");
        assertTrue(c.available().isEmpty());
        assertEquals("", c.current());
    }
}
