package dev.nodepulse.procfs.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.FileTree;
import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.sys.bonding.BondingMaster;
import dev.nodepulse.procfs.sys.bonding.BondingReader;
import dev.nodepulse.procfs.sys.dmi.DmiInfo;
import dev.nodepulse.procfs.sys.dmi.DmiReader;
import dev.nodepulse.procfs.sys.powercap.RaplReader;
import dev.nodepulse.procfs.sys.powercap.RaplZone;
import dev.nodepulse.procfs.sys.vulnerabilities.CpuVulnerability;
import dev.nodepulse.procfs.sys.vulnerabilities.CpuVulnerabilityParser;
import dev.nodepulse.procfs.sys.watchdog.Watchdog;
import dev.nodepulse.procfs.sys.watchdog.WatchdogReader;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readers of small sysfs classes: bonding, DMI, CPU vulnerabilities, watchdog, powercap. */
class SmallSysfsReadersTest {

    @TempDir
    Path tmp;

    @Test
    void bondingCountsSlavesAndUpSlaves() throws Exception {
        FileTree t = new FileTree(tmp)
                .attr("class/net/bonding_masters", "bond0 bond1 bond2")
                .attr("class/net/bond0/bonding/slaves", "eth0 eth1 eth2")
                .attr("class/net/bond0/lower_eth0/bonding_slave/mii_status", "up")
                .attr("class/net/bond0/lower_eth1/bonding_slave/mii_status", "down")
                .attr("class/net/bond0/slave_eth2/bonding_slave/mii_status", "up")
                .attr("class/net/bond1/bonding/slaves", "")
                .attr("class/net/bond2/bonding/slaves", "eth5");
        assertThrows(NoSuchFileException.class, () -> BondingReader.read(t.path("class/net")));
        t.attr("class/net/bond2/lower_eth5/bonding_slave/mii_status", "going back");
        List<BondingMaster> m = BondingReader.read(t.path("class/net"));
        assertEquals(List.of(new BondingMaster("bond0", 3, 2), new BondingMaster("bond1", 0, 0),
                new BondingMaster("bond2", 1, 0)), m);
        assertThrows(NoSuchFileException.class, () -> BondingReader.read(tmp.resolve("nothing")));
    }

    @Test
    void dmiSkipsModaliasUeventAndUnreadableFiles() throws Exception {
        FileTree t = new FileTree(tmp)
                .attr("class/dmi/id/bios_vendor", "SeaBIOS")
                .attr("class/dmi/id/sys_vendor", "QEMU")
                .attr("class/dmi/id/chassis_asset_tag", "")
                .attr("class/dmi/id/modalias", "dmi:bvnSeaBIOS:")
                .attr("class/dmi/id/uevent", "MODALIAS=dmi:bvnSeaBIOS:")
                .dir("class/dmi/id/power");
        boolean unreadable = t.unreadable("class/dmi/id/product_serial", "SECRET\n");
        DmiInfo dmi = DmiReader.read(t.path("class/dmi/id"));
        assertEquals("SeaBIOS", dmi.attributes().get("bios_vendor"));
        assertEquals("QEMU", dmi.attributes().get("sys_vendor"));
        assertEquals("", dmi.attributes().get("chassis_asset_tag"));
        assertFalse(dmi.attributes().containsKey("modalias"));
        assertFalse(dmi.attributes().containsKey("uevent"));
        assertFalse(dmi.attributes().containsKey("power"));
        assertEquals(unreadable, !dmi.attributes().containsKey("product_serial"));
        assertThrows(NoSuchFileException.class, () -> DmiReader.read(tmp.resolve("none")));
    }

    @Test
    void vulnerabilityStates() {
        assertEquals(new CpuVulnerability("mds", "not affected", ""),
                CpuVulnerabilityParser.parse("mds", "Not affected\n"));
        assertEquals(new CpuVulnerability("spectre_v1", "mitigation", "usercopy/swapgs barriers"),
                CpuVulnerabilityParser.parse("spectre_v1", "Mitigation: usercopy/swapgs barriers\n"));
        assertEquals(new CpuVulnerability("srso", "vulnerable", "Safe RET, no microcode"),
                CpuVulnerabilityParser.parse("srso", "Vulnerable: Safe RET, no microcode\n"));
        assertEquals(new CpuVulnerability("ssb", "vulnerable", ""), CpuVulnerabilityParser.parse("ssb", "Vulnerable\n"));
        assertEquals(new CpuVulnerability("x", "unknown", "Processor vulnerable"),
                CpuVulnerabilityParser.parse("x", "Processor vulnerable\n"));
        assertEquals(new CpuVulnerability("y", "unknown", ""), CpuVulnerabilityParser.parse("y", ""));
    }

    @Test
    void capturedVulnerabilities() throws Exception {
        Path dir = Fixtures.path("host-capture/sys/devices/system/cpu/vulnerabilities");
        List<CpuVulnerability> all = CpuVulnerabilityParser.readAll(dir);
        List<String> files = SmallFiles.list(dir);
        assertEquals(files.size(), all.size());
        for (CpuVulnerability v : all) {
            String raw = SmallFiles.read(dir.resolve(v.codename())).strip();
            assertTrue(raw.toLowerCase().startsWith(v.state()) || v.state().equals("unknown"), raw);
        }
        assertTrue(CpuVulnerabilityParser.readAll(tmp.resolve("old-kernel")).isEmpty());
    }

    @Test
    void watchdogAttributesAreOptionalAndInCSyntax() throws Exception {
        FileTree t = new FileTree(tmp)
                .attr("class/watchdog/watchdog0/bootstatus", "0x20")
                .attr("class/watchdog/watchdog0/options", "0x8180")
                .attr("class/watchdog/watchdog0/identity", "iTCO_wdt")
                .attr("class/watchdog/watchdog0/timeout", "30")
                .attr("class/watchdog/watchdog0/timeleft", "017")
                .attr("class/watchdog/watchdog0/state", "inactive")
                .dir("class/watchdog/watchdog1");
        List<Watchdog> w = WatchdogReader.read(t.path("class/watchdog"));
        assertEquals(2, w.size());
        Watchdog w0 = w.get(0);
        assertEquals(0x20L, w0.bootstatus());
        assertEquals("0x8180", w0.options());
        assertEquals("iTCO_wdt", w0.identity());
        assertEquals(30L, w0.timeout());
        assertEquals(15L, w0.timeleft()); // octal, as Go's base-0 parse reads "017"
        assertNull(w0.nowayout());
        assertNull(w0.pretimeoutGovernor());
        assertEquals(new Watchdog("watchdog1", null, null, null, null, null, null, null, null, null, null, null, null),
                w.get(1));
        t.attr("class/watchdog/watchdog1/timeout", "soon");
        assertThrows(ParseException.class, () -> WatchdogReader.read(t.path("class/watchdog")));
        assertThrows(NoSuchFileException.class, () -> WatchdogReader.read(tmp.resolve("none")));
    }

    @Test
    void raplZonesIndexByNameSuffixOrRepeat() throws Exception {
        FileTree t = new FileTree(tmp)
                .attr("class/powercap/intel-rapl/enabled", "1")
                .attr("class/powercap/intel-rapl:0/name", "package-0")
                .attr("class/powercap/intel-rapl:0/max_energy_range_uj", "262143328850")
                .attr("class/powercap/intel-rapl:0/energy_uj", "123456789")
                .attr("class/powercap/intel-rapl:0:0/name", "dram")
                .attr("class/powercap/intel-rapl:0:0/max_energy_range_uj", "65712999613")
                .attr("class/powercap/intel-rapl:0:1/name", "dram")
                .attr("class/powercap/intel-rapl:0:1/max_energy_range_uj", "65712999613")
                .attr("class/powercap/intel-rapl:1/name", "package-1")
                .attr("class/powercap/intel-rapl:1/max_energy_range_uj", "262143328850");
        List<RaplZone> z = RaplReader.zones(t.path("class/powercap"));
        assertEquals(4, z.size());
        assertEquals("package", z.get(0).name());
        assertEquals(0, z.get(0).index());
        assertEquals(262143328850L, z.get(0).maxMicrojoules());
        assertEquals(t.path("class/powercap/intel-rapl:0"), z.get(0).path());
        assertEquals("dram", z.get(1).name());
        assertEquals(0, z.get(1).index());
        assertEquals(1, z.get(2).index());
        assertEquals(1, z.get(3).index());
        assertEquals(123456789L, RaplReader.energyMicrojoules(z.get(0)));
        assertThrows(NoSuchFileException.class, () -> RaplReader.energyMicrojoules(z.get(1)));
        t.attr("class/powercap/intel-rapl:2/name", "psys");
        assertThrows(NoSuchFileException.class, () -> RaplReader.zones(t.path("class/powercap")));
        assertThrows(NoSuchFileException.class, () -> RaplReader.zones(tmp.resolve("none")));
    }
}
