package dev.nodepulse.procfs.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nodepulse.procfs.FileTree;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HwmonReaderTest {

    /** A hwmon device at devices/&lt;devicePath&gt;/hwmon/&lt;hwmon&gt;, linked from class/hwmon as sysfs does. */
    private static FileTree chip(FileTree t, String hwmon, String devicePath, String name) throws Exception {
        String dir = "devices/" + devicePath + "/hwmon/" + hwmon;
        t.dir(dir);
        t.link("class/hwmon/" + hwmon, "../../" + dir);
        t.link(dir + "/device", "../".repeat(2));
        if (name != null) {
            t.file(dir + "/name", name);
        }
        return t;
    }

    private static Map<String, HwmonChip> byDir(List<HwmonChip> chips) {
        return chips.stream().collect(Collectors.toMap(c -> c.dir().getFileName().toString(), c -> c));
    }

    @Test
    void namesFollowTheDevicePath(@TempDir Path sys) throws Exception {
        FileTree t = new FileTree(sys);
        chip(t, "hwmon0", "platform/coretemp.0", "coretemp\n");
        chip(t, "hwmon1", "platform/coretemp.1", "coretemp\n");
        chip(t, "hwmon2", "pci0000:00/0000:00:18.3", "k10temp\n");
        // no device link: the name file, or failing that the directory name
        t.file("class/hwmon/hwmon3/name", "nct6779\n");
        t.dir("class/hwmon/hwmon4");
        t.file("class/hwmon/hwmon5/name", "--\n");
        Map<String, HwmonChip> chips = byDir(HwmonReader.chips(sys));
        assertEquals("platform_coretemp_0", chips.get("hwmon0").chip());
        assertEquals("platform_coretemp_1", chips.get("hwmon1").chip());
        assertEquals(Optional.of("coretemp"), chips.get("hwmon1").humanName());
        assertEquals("pci0000:00_0000:00:18_3", chips.get("hwmon2").chip());
        assertEquals("nct6779", chips.get("hwmon3").chip());
        assertEquals("hwmon4", chips.get("hwmon4").chip());
        assertEquals(Optional.empty(), chips.get("hwmon4").humanName());
        assertEquals("hwmon5", chips.get("hwmon5").chip());
        assertEquals(Optional.empty(), chips.get("hwmon5").humanName());
    }

    @Test
    void chipsSharingADeviceAreToldApart(@TempDir Path sys) throws Exception {
        FileTree t = new FileTree(sys);
        // two hwmon devices of one platform device, with different names
        chip(t, "hwmon6", "platform/asus-nb-wmi", "asus\n");
        chip(t, "hwmon7", "platform/asus-nb-wmi", "asus_wmi_sensors\n");
        // three PHY sensors of one wireless card; two share a name, one has none
        chip(t, "hwmon8", "platform/soc/18000000.wifi/ieee80211/phy0", "mt7996_phy0\n");
        chip(t, "hwmon9", "platform/soc/18000000.wifi/ieee80211/phy0", "mt7996_phy0\n");
        chip(t, "hwmon10", "platform/soc/18000000.wifi/ieee80211/phy0", null);
        Map<String, HwmonChip> chips = byDir(HwmonReader.chips(sys));
        assertEquals("platform_asus_nb_wmi_asus", chips.get("hwmon6").chip());
        assertEquals("platform_asus_nb_wmi_asus_wmi_sensors", chips.get("hwmon7").chip());
        assertEquals("ieee80211_phy0_hwmon8", chips.get("hwmon8").chip());
        assertEquals("ieee80211_phy0_hwmon9", chips.get("hwmon9").chip());
        assertEquals("ieee80211_phy0_hwmon10", chips.get("hwmon10").chip());
    }

    @Test
    void noHwmonClassIsNotFound(@TempDir Path sys) {
        assertThrows(NoSuchFileException.class, () -> HwmonReader.chips(sys));
    }

    @Test
    void emptyHwmonClassHasNoChips(@TempDir Path sys) throws Exception {
        Files.createDirectories(sys.resolve("class/hwmon"));
        assertEquals(List.of(), HwmonReader.chips(sys));
    }

    @Test
    void sensorsFromTheChipAndItsDevice(@TempDir Path sys) throws Exception {
        FileTree t = new FileTree(sys);
        chip(t, "hwmon2", "platform/applesmc.768", "applesmc\n");
        String dev = "devices/platform/applesmc.768/";
        String hw = dev + "hwmon/hwmon2/";
        t.file(hw + "temp1_input", "55000\n")
                .file(hw + "temp1_label", "Core 0\n")
                .file(hw + "temp1", "1\n")
                .file(hw + "update_interval", "1000\n")
                .file(hw + "uevent", "")
                .file(hw + "fan1_min", "100\n")
                .dir(hw + "power")
                .file(dev + "fan1_input", "1998\n")
                .file(dev + "fan1_min", "2000\n")
                .file(dev + "fan1_label", "Left side  \n")
                .file(dev + "modalias", "platform:applesmc");
        Map<String, Map<String, String>> s = HwmonReader.sensors(sys.resolve("class/hwmon/hwmon2")).sensors();
        assertEquals(Map.of("input", "55000", "label", "Core 0", "", "1"), s.get("temp1"));
        assertEquals(Map.of("", "1000"), s.get("update_interval0"));
        // the device directory is read second and wins; trailing blanks of a label are kept
        assertEquals(Map.of("input", "1998", "min", "2000", "label", "Left side  "), s.get("fan1"));
        assertEquals(3, s.size(), s.toString());
    }

    @Test
    void explodeTakesFileNamesApart() {
        assertEquals(Optional.of(new HwmonSensorFile("temp", 1, "crit_alarm")), HwmonReader.explode("temp1_crit_alarm"));
        assertEquals(Optional.of(new HwmonSensorFile("in", 0, "input")), HwmonReader.explode("in0_input"));
        assertEquals(Optional.of(new HwmonSensorFile("pwm", 1, "auto_point1_pwm")),
                HwmonReader.explode("pwm1_auto_point1_pwm"));
        assertEquals(Optional.of(new HwmonSensorFile("temp", 2, "")), HwmonReader.explode("temp2"));
        assertEquals(Optional.of(new HwmonSensorFile("beep_enable", 0, "")), HwmonReader.explode("beep_enable"));
        assertEquals("beep_enable0", HwmonReader.explode("beep_enable").orElseThrow().sensor());
        assertEquals(Optional.of(new HwmonSensorFile("temp", 1, "")), HwmonReader.explode("temp01"));
        assertEquals(Optional.empty(), HwmonReader.explode("1abc"));
        assertEquals(Optional.empty(), HwmonReader.explode(""));
        assertEquals(Optional.empty(), HwmonReader.explode("temp99999999999999999999_input"));
    }

    @Test
    void cleanNameKeepsLowerCaseDigitsColonAndUnderscore() {
        assertEquals("platform_coretemp_0", HwmonReader.cleanName("Platform_coretemp.0"));
        assertEquals("coretemp", HwmonReader.cleanName("coretemp\n"));
        assertEquals("pci0000:00", HwmonReader.cleanName("__pci0000:00__"));
        assertEquals("", HwmonReader.cleanName("---"));
        assertEquals("a_b", HwmonReader.cleanName("a\u00e9b"));
    }
}
