package dev.nodepulse.procfs.udev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.HostPaths;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UdevDataParserTest {

    @Test
    void readsOnlyProperties() throws Exception {
        UdevProperties p = UdevDataParser.parse(Fixtures.text("kernel-format/udev-b8-0"));
        assertEquals("TOSHIBA_KSDB4U86", p.get("ID_MODEL"));
        assertEquals("pci-0000:3b:00.0-sas-phy7-lun-0", p.get("ID_PATH"));
        assertEquals("7200", p.get("ID_ATA_ROTATION_RATE_RPM"));
        assertEquals("LVM2 001", p.get("ID_FS_VERSION"), "values keep their spaces");
        assertEquals("LVM-abc=def", p.get("DM_UUID"), "only the first = separates key and value");
        assertFalse(p.has("NOVALUE"), "a property without = is skipped");
        assertFalse(p.has("disk/by-id/ata-TOSHIBA_KSDB4U86_2160A0D5FVGG"), "S: lines are not properties");
        assertEquals("", p.get("SCSI_IDENT_SERIAL"), "absent keys read as empty");
        assertEquals(12, p.properties().size());
    }

    @Test
    void emptyFileHasNoProperties() {
        assertEquals(Map.of(), UdevDataParser.parse("").properties());
    }

    @Test
    void lastRepeatedKeyWins() {
        assertEquals("b", UdevDataParser.parse("E:K=a\nE:K=b\n").get("K"));
    }

    @Test
    void readsBlockDeviceFileByNumber(@TempDir Path dir) throws Exception {
        HostPaths paths = new HostPaths(dir, dir, dir, dir.resolve("udev"));
        Files.createDirectories(paths.udevData());
        Files.writeString(paths.udevData().resolve("b8:16"), "E:ID_SERIAL=abc\n");
        assertEquals("abc", UdevDataParser.readBlockDevice(paths, 8, 16).get("ID_SERIAL"));
        assertTrue(UdevDataParser.blockDeviceFile(paths, 259, 0).endsWith("b259:0"));
        assertThrows(NoSuchFileException.class, () -> UdevDataParser.readBlockDevice(paths, 8, 0));
    }
}
