package dev.nodepulse.agent.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.proc.MountInfo;
import dev.nodepulse.procfs.proc.MountinfoParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The btrfs ioctl path, against this host's mounted btrfs filesystems (skipped where there are none). */
class BtrfsIoctlTest {

    @Test
    void deviceUuidText() {
        byte[] b = new byte[16];
        assertEquals("<zero>", BtrfsCollector.uuid(b));
        for (int i = 0; i < 16; i++) {
            b[i] = (byte) (0x10 + i);
        }
        assertEquals("10111213-1415-1617-1819-1a1b1c1d1e1f", BtrfsCollector.uuid(b));
    }

    @Test
    void btrfsMountsOnly() throws Exception {
        String mountinfo = "22 1 0:21 / / rw,relatime shared:1 - ext4 /dev/vda1 rw\n"
                + "43 22 0:39 / /srv/data rw,relatime shared:30 - btrfs /dev/sdb rw,space_cache=v2,subvolid=5,subvol=/\n"
                + "44 22 0:39 /home /home\\040dir rw,relatime - btrfs /dev/sdb rw,subvolid=257,subvol=/home\n"
                + "45 22 0:40 / /tmp rw - tmpfs tmpfs rw\n";
        List<MountInfo> mounts = BtrfsCollector.btrfsMounts(MountinfoParser.parse(mountinfo, "mountinfo"));
        assertEquals(List.of(List.of("/dev/sdb", "/srv/data"), List.of("/dev/sdb", "/home dir")), mounts.stream()
                .map(m -> List.of(m.source(), MountinfoParser.unescapeMountPoint(m.mountPoint()))).toList());
        assertTrue(BtrfsCollector.btrfsMounts(MountinfoParser.parse("", "mountinfo")).isEmpty());
    }

    @Test
    void liveBtrfsMountsGiveDeviceStatistics() throws Exception {
        String mountinfo = SmallFiles.readIfPresent(Path.of("/proc/self/mountinfo"));
        assumeTrue(mountinfo != null
                && !BtrfsCollector.btrfsMounts(MountinfoParser.parse(mountinfo, "mountinfo")).isEmpty(),
                "no btrfs filesystem mounted here");
        Map<String, List<BtrfsCollector.IoctlDevice>> stats = new BtrfsCollector(HostPaths.defaults()).ioctlStats();
        assertFalse(stats.isEmpty(), "mounted btrfs but no ioctl statistics");
        for (Map.Entry<String, List<BtrfsCollector.IoctlDevice>> fs : stats.entrySet()) {
            assertEquals(32, fs.getKey().length());
            String sysfs = fs.getKey().replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5");
            assumeTrue(Files.isDirectory(Path.of("/sys/fs/btrfs", sysfs)), "fsid differs from the sysfs name");
            for (BtrfsCollector.IoctlDevice d : fs.getValue()) {
                assertTrue(d.totalBytes() > 0 && Long.compareUnsigned(d.bytesUsed(), d.totalBytes()) <= 0, d.toString());
                assertEquals(5, d.errors().length);
                Path size = Path.of("/sys/fs/btrfs", sysfs, "devices", d.device(), "size");
                if (Files.exists(size)) {
                    assertEquals(SmallFiles.readLong(size) * 512, d.totalBytes());
                }
            }
        }
    }
}
