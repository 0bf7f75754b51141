package dev.nodepulse.procfs.sys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.FileTree;
import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.sys.pci.PciDevice;
import dev.nodepulse.procfs.sys.pci.PciDeviceReader;
import dev.nodepulse.procfs.sys.pci.PciIds;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PciDeviceReaderTest {

    @TempDir
    Path tmp;

    private static FileTree ids(FileTree t, String dir, String cls, String vendor, String device) {
        return t.attr(dir + "/class", cls).attr(dir + "/vendor", vendor).attr(dir + "/device", device)
                .attr(dir + "/subsystem_vendor", vendor).attr(dir + "/subsystem_device", "0x0001")
                .attr(dir + "/revision", "0x02");
    }

    @Test
    void devicesBehindBridgesAndAtTheRoot() throws Exception {
        FileTree t = new FileTree(tmp);
        String bridge = "devices/pci0000:00/0000:00:1c.0";
        String nic = bridge + "/0000:03:00.1";
        ids(t, bridge, "0x060400", "0x8086", "0xa110")
                .attr(bridge + "/max_link_speed", "8.0 GT/s PCIe").attr(bridge + "/max_link_width", "4")
                .attr(bridge + "/current_link_speed", "Unknown").attr(bridge + "/numa_node", "-1")
                .attr(bridge + "/power_state", "D0");
        ids(t, nic, "0x020000", "0x15b3", "0x1017")
                .attr(nic + "/current_link_speed", "16.0 GT/s PCIe").attr(nic + "/current_link_width", "16")
                .attr(nic + "/numa_node", "1").attr(nic + "/sriov_totalvfs", "8").attr(nic + "/sriov_numvfs", "2")
                .attr(nic + "/sriov_drivers_autoprobe", "1").attr(nic + "/sriov_vf_total_msix", "")
                .attr(nic + "/d3cold_allowed", "0");
        t.link("bus/pci/devices/0000:00:1c.0", "../../../" + bridge).link("bus/pci/devices/0000:03:00.1", "../../../" + nic);
        List<PciDevice> d = PciDeviceReader.read(t.path("bus/pci/devices"));
        assertEquals(2, d.size());
        PciDevice b = d.get(0);
        assertNull(b.parent());
        assertArrayEquals(new String[] {"0000", "00", "1c", "0"}, b.location().strings());
        assertEquals(0x060400, b.classId());
        assertEquals(8.0, b.maxLinkSpeed());
        assertEquals(4.0, b.maxLinkWidth());
        assertNull(b.currentLinkSpeed());
        assertEquals(-1, b.numaNode());
        assertEquals("D0", b.powerState());
        assertNull(b.sriovTotalvfs());
        PciDevice n = d.get(1);
        assertArrayEquals(new String[] {"0000", "00", "1c", "0"}, n.parent().strings());
        assertArrayEquals(new String[] {"0000", "03", "00", "1"}, n.location().strings());
        assertEquals(0x15b3, n.vendor());
        assertEquals(2, n.revision());
        assertEquals(16.0, n.currentLinkSpeed());
        assertEquals(1, n.numaNode());
        assertEquals(8L, n.sriovTotalvfs());
        assertEquals(2L, n.sriovNumvfs());
        assertTrue(n.sriovDriversAutoprobe());
        assertNull(n.sriovVfTotalMsix());
        assertEquals(Boolean.FALSE, n.d3coldAllowed());
        assertNull(n.powerState());
    }

    @Test
    void failures() {
        FileTree t = new FileTree(tmp);
        String dev = "devices/pci0000:00/0000:00:02.0";
        ids(t, dev, "0x030000", "0x1234", "0x1111").attr(dev + "/max_link_speed", "2.5 GB/s");
        t.link("bus/pci/devices/0000:00:02.0", "../../../" + dev);
        assertThrows(ParseException.class, () -> PciDeviceReader.read(t.path("bus/pci/devices")));
        t.attr(dev + "/max_link_speed", "2.5 GT/s PCIe").attr(dev + "/vendor", "intel");
        assertThrows(ParseException.class, () -> PciDeviceReader.read(t.path("bus/pci/devices")));
        assertThrows(NoSuchFileException.class, () -> PciDeviceReader.read(tmp.resolve("none")));
    }

    @Test
    void pciIdsNames() {
        PciIds ids = PciIds.of("# comment\n"
                + "8086  Intel Corporation\n"
                + "\t1521  I350 Gigabit Network Connection\n"
                + "\t\t8086 00a3  Ethernet Server Adapter I350-T4\n"
                + "C 02  Network controller\n"
                + "\t00  Ethernet controller\n"
                + "\t80  Network controller\n"
                + "C 01  Mass storage controller\n"
                + "\t08  Non-Volatile memory controller\n"
                + "\t\t02  NVM Express\n");
        assertEquals("Intel Corporation", ids.vendorName("0x8086"));
        assertEquals("abcd", ids.vendorName("0xABCD"));
        assertEquals("I350 Gigabit Network Connection", ids.deviceName("0x8086", "0x1521"));
        assertEquals("1522", ids.deviceName("0x8086", "0x1522"));
        assertEquals("Ethernet Server Adapter I350-T4", ids.subsystemName("0x8086", "0x1521", "0x8086", "0x00a3"));
        assertEquals("00a4", ids.subsystemName("0x8086", "0x1521", "0x8086", "0x00a4"));
        assertEquals("Ethernet controller", ids.className("0x020000"));
        assertEquals("NVM Express", ids.className("0x010802"));
        assertEquals("Network controller", ids.className("0x021100"));
        assertEquals("Unknown class (ff0000)", ids.className("0xff0000"));
        assertEquals("8086", PciIds.load(tmp.resolve("missing.ids").toString()).vendorName("0x8086"));
    }
}
