package dev.nodepulse.procfs.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.Lines;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MountinfoParserTest {

    @Test
    void parsesCapturedFileLineByLine() throws Exception {
        String text = Fixtures.text("host-capture/proc/mountinfo");
        List<MountInfo> mounts = MountinfoParser.parse(text, "mountinfo");
        List<String> lines = Lines.of(text);
        assertEquals(lines.size(), mounts.size());
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split(" ");
            MountInfo m = mounts.get(i);
            assertEquals(Integer.parseInt(f[0]), m.mountId());
            assertEquals(Integer.parseInt(f[1]), m.parentId());
            assertEquals(f[2], m.major() + ":" + m.minor());
            assertEquals(f[4], m.mountPoint());
            assertEquals(f[f.length - 3], m.fsType());
            assertEquals(f[f.length - 2], m.source());
            assertEquals(List.of(f[f.length - 1].split(",")), m.superOptions());
        }
    }

    @Test
    void readsEveryFieldOfHandWrittenLines() throws Exception {
        List<MountInfo> mounts = MountinfoParser.parse(Fixtures.text("kernel-format/mountinfo"), "mountinfo");
        assertEquals(6, mounts.size());

        MountInfo root = mounts.get(1);
        assertEquals(new MountInfo(29, 1, 259, 2, "/", "/", List.of("rw", "relatime"), List.of("shared:1"), "ext4",
                "/dev/dm-2", List.of("errors=remount-ro", "data=ordered")), root);
        assertFalse(root.readOnly());

        MountInfo cgroup = mounts.get(2);
        assertEquals(List.of("shared:9", "master:3"), cgroup.optionalFields());
        assertTrue(cgroup.readOnly());

        // Escapes are left for the caller: the parser does not know which ones it wants undone.
        assertEquals("/media/my\\040disk", mounts.get(3).mountPoint());
        assertEquals("/media/tab\\011bed\\134x", mounts.get(4).mountPoint());
        assertTrue(mounts.get(4).readOnly(), "emergency_ro in the superblock options means read-only");

        MountInfo fuse = mounts.get(5);
        assertEquals("/sub", fuse.root());
        assertEquals(List.of("propagate_from:1", "unbindable"), fuse.optionalFields());
        assertEquals("fuse.sshfs", fuse.fsType());
        assertEquals("host:/export", fuse.source());
        assertFalse(fuse.readOnly());
    }

    @Test
    void readOnlyLooksForTheWholeOption() throws Exception {
        assertFalse(line("rw,relatime", "rw,errors=remount-ro").readOnly());
        assertTrue(line("ro,relatime", "rw").readOnly());
        assertTrue(line("rw", "ro,nodev").readOnly());
        assertFalse(line("rw,nosuid", "rw,robust").readOnly());
    }

    private static MountInfo line(String opts, String superOpts) throws ParseException {
        return MountinfoParser.parse("1 0 8:1 / /x " + opts + " - ext4 /dev/sda1 " + superOpts + "\n", "t").get(0);
    }

    @Test
    void unescapesOnlySpaceAndTab() {
        assertEquals("/a b\tc\\134d", MountinfoParser.unescapeMountPoint("/a\\040b\\011c\\134d"));
    }

    @Test
    void superOptionsAsProcfsMapsThem() throws Exception {
        List<MountInfo> mounts = MountinfoParser.parse(Fixtures.text("handwritten/nfs/mountinfo"), "mountinfo");
        assertEquals(5, mounts.size());
        assertEquals("", mounts.get(0).superOptionMap().get("rw"));
        assertEquals("10.1.2.3", mounts.get(2).superOptionMap().get("addr"));
        assertEquals("10.1.2.4", mounts.get(3).superOptionMap().get("addr"));
        assertEquals("20049", mounts.get(4).superOptionMap().get("port"));
    }

    @Test
    void doubledSpacesAreEmptyFieldsNotErrors() throws Exception {
        // The rootfs line of node_exporter's fixture has two spaces after the root path.
        List<MountInfo> mounts = MountinfoParser.parse("1 1 0:5 /  /root rw,nosuid shared:8 - rootfs rootfs rw\n", "m");
        assertEquals(Map.of("rw", ""), mounts.get(0).superOptionMap());
    }

    @Test
    void emptyFileHasNoMounts() throws Exception {
        assertEquals(List.of(), MountinfoParser.parse("", "mountinfo"));
    }

    @Test
    void rejectsMalformedLinesNamingTheLine() {
        String good = "29 1 259:2 / / rw - ext4 /dev/dm-2 rw\n";
        ParseException tooFew = assertThrows(ParseException.class,
                () -> MountinfoParser.parse(good + "29 1 259:2 / / rw - ext4\n", "mi"));
        assertTrue(tooFew.getMessage().startsWith("mi:2:"), tooFew.getMessage());
        assertThrows(ParseException.class,
                () -> MountinfoParser.parse("29 1 259:2 / / rw shared:1 ext4 /dev/dm-2 rw x\n", "mi"));
        assertThrows(ParseException.class, () -> MountinfoParser.parse("x 1 259:2 / / rw - ext4 /dev/dm-2 rw\n", "mi"));
        assertThrows(ParseException.class, () -> MountinfoParser.parse("29 1 nope / / rw - ext4 /dev/dm-2 rw\n", "mi"));
        assertThrows(ParseException.class, () -> MountinfoParser.parse("29 1 8:x / / rw - ext4 /dev/dm-2 rw\n", "mi"));
        assertThrows(ParseException.class, () -> MountinfoParser.parse("22 27 0:21 / /proc rw - proc\n", "mi"));
        assertThrows(ParseException.class,
                () -> MountinfoParser.parse("22 27 0:21 / /proc rw shared:1 x proc proc rw\n", "mi"));
        assertThrows(ParseException.class,
                () -> MountinfoParser.parse("a 27 0:21 / /proc rw shared:1 - proc proc rw\n", "mi"));
        assertThrows(ParseException.class, () -> MountinfoParser.parse("46 22 0:41 / /x rw - xfs\n", "m"));
        assertThrows(ParseException.class,
                () -> MountinfoParser.parse("x 22 0:41 / /x rw shared:1 - xfs /dev/sdc rw\n", "m"));
        assertThrows(ParseException.class,
                () -> MountinfoParser.parse("46 22 zero / /x rw shared:1 - xfs /dev/sdc rw\n", "m"));
        assertThrows(ParseException.class,
                () -> MountinfoParser.parse("46 22 0:41 / /x rw shared:1 xfs /dev/sdc rw extra\n", "m"));
        // An empty line in the middle is not a mount.
        assertThrows(ParseException.class, () -> MountinfoParser.parse(good + "\n" + good, "mi"));
    }
}
