package dev.nodepulse.procfs.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SelinuxConfigParserTest {

    private static final String CONFIG = "# This file controls the state of SELinux on the system.\n"
            + "; old style comment\n\n"
            + "SELINUX=\"permissive\"\n"
            + "SELINUXTYPE=targeted\n";

    @Test
    void configuredMode() {
        assertEquals(0, SelinuxConfigParser.defaultMode(CONFIG));
        assertEquals(1, SelinuxConfigParser.defaultMode("SELINUX=enforcing\n"));
        assertEquals(-1, SelinuxConfigParser.defaultMode("SELINUX=disabled\n"));
        assertEquals(-1, SelinuxConfigParser.defaultMode(""));
        assertEquals("targeted", SelinuxConfigParser.value(CONFIG, "SELINUXTYPE"));
    }

    @Test
    void enforceFile() {
        assertEquals(1, SelinuxConfigParser.enforceMode("1"));
        assertEquals(0, SelinuxConfigParser.enforceMode("0"));
        assertEquals(-1, SelinuxConfigParser.enforceMode(""));
        assertEquals(-1, SelinuxConfigParser.enforceMode("on"));
    }

    @Test
    void findsSelinuxfsInMountinfo() throws Exception {
        String mountinfo = "22 1 0:21 / /sys rw,nosuid - sysfs sysfs rw\n"
                + "23 22 0:22 / /sys/fs/selinux rw,relatime - selinuxfs selinuxfs rw\n"
                + "40 1 0:30 / /mnt/sel ro - selinuxfs selinuxfs ro\n";
        assertEquals(List.of("/sys/fs/selinux", "/mnt/sel"), SelinuxConfigParser.selinuxfsMounts(
                MountinfoParser.parse(mountinfo, "mountinfo")));
        assertEquals(List.of(), SelinuxConfigParser.selinuxfsMounts(MountinfoParser.parse("", "mountinfo")));
    }
}
