package dev.nodepulse.procfs.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.FileTree;
import dev.nodepulse.procfs.ParseException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThermalZoneReaderTest {

    @Test
    void zonesWithOptionalAttributes(@TempDir Path sys) throws Exception {
        new FileTree(sys)
                .file("class/thermal/thermal_zone0/type", "cpu-thermal\n")
                .file("class/thermal/thermal_zone0/temp", "12376\n")
                .file("class/thermal/thermal_zone0/policy", "step_wise\n")
                .file("class/thermal/thermal_zone1/type", "acpitz\n")
                .file("class/thermal/thermal_zone1/temp", "-4000\n")
                .file("class/thermal/thermal_zone1/policy", "user_space\n")
                .file("class/thermal/thermal_zone1/mode", "enabled\n")
                .file("class/thermal/thermal_zone1/passive", "95000\n")
                .dir("class/thermal/thermal_zoneX")
                .file("class/thermal/cooling_device0/type", "Processor\n");
        List<ThermalZone> zones = ThermalZoneReader.zones(sys);
        assertEquals(2, zones.size());
        ThermalZone z0 = zones.get(0);
        assertEquals("0", z0.name());
        assertEquals("cpu-thermal", z0.type());
        assertEquals(12376, z0.tempMilliCelsius());
        assertEquals("step_wise", z0.policy());
        assertEquals(Optional.empty(), z0.mode());
        assertEquals(OptionalLong.empty(), z0.passiveMilliCelsius());
        assertTrue(z0.readErrors().isEmpty(), z0.readErrors().toString());
        ThermalZone z1 = zones.get(1);
        assertEquals(-4000, z1.tempMilliCelsius());
        assertEquals(Optional.of(true), z1.mode());
        assertEquals(OptionalLong.of(95000), z1.passiveMilliCelsius());
    }

    @Test
    void aZoneWithUnreadableFilesIsStillListed(@TempDir Path sys) throws Exception {
        new FileTree(sys)
                .file("class/thermal/thermal_zone3/temp", "hot\n")
                .file("class/thermal/thermal_zone3/passive", "-1\n");
        List<ThermalZone> zones = ThermalZoneReader.zones(sys);
        assertEquals(1, zones.size());
        assertEquals("3", zones.get(0).name());
        assertEquals("", zones.get(0).type());
        assertEquals(0, zones.get(0).tempMilliCelsius());
        // type, policy, temp and passive
        assertEquals(4, zones.get(0).readErrors().size(), zones.get(0).readErrors().toString());
    }

    @Test
    void noThermalClassNoZones(@TempDir Path sys) throws Exception {
        assertEquals(List.of(), ThermalZoneReader.zones(sys));
        assertEquals(List.of(), ThermalZoneReader.coolingDevices(sys));
    }

    @Test
    void coolingDevices(@TempDir Path sys) throws Exception {
        new FileTree(sys)
                .file("class/thermal/cooling_device0/type", "Processor\n")
                .file("class/thermal/cooling_device0/max_state", "3\n")
                .file("class/thermal/cooling_device0/cur_state", "0\n")
                .file("class/thermal/cooling_device1/type", "intel_powerclamp\n")
                .file("class/thermal/cooling_device1/max_state", "50\n")
                .file("class/thermal/cooling_device1/cur_state", "-1\n")
                // incomplete: skipped
                .file("class/thermal/cooling_device2/type", "Fan\n")
                .file("class/thermal/cooling_device2/max_state", "1\n");
        assertEquals(List.of(new CoolingDevice("0", "Processor", 3, 0), new CoolingDevice("1", "intel_powerclamp", 50, -1)),
                ThermalZoneReader.coolingDevices(sys));
    }

    @Test
    void aCoolingStateThatIsNoNumberFails(@TempDir Path sys) throws Exception {
        new FileTree(sys)
                .file("class/thermal/cooling_device0/type", "Processor\n")
                .file("class/thermal/cooling_device0/max_state", "three\n")
                .file("class/thermal/cooling_device0/cur_state", "0\n");
        ParseException e = assertThrows(ParseException.class, () -> ThermalZoneReader.coolingDevices(sys));
        assertFalse(e.getMessage().isEmpty());
    }
}
