package dev.nodepulse.procfs.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.FileTree;
import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.sys.block.MdRaid;
import dev.nodepulse.procfs.sys.block.MdRaidReader;
import dev.nodepulse.procfs.sys.block.MultipathDevice;
import dev.nodepulse.procfs.sys.block.MultipathReader;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /sys/block readers: device-mapper multipath maps and md arrays. */
class BlockReadersTest {

    @TempDir
    Path tmp;

    @Test
    void multipathMapsAndTheirPaths() throws Exception {
        FileTree t = new FileTree(tmp)
                .attr("block/dm-0/dm/uuid", "LVM-abc").attr("block/dm-0/dm/name", "vg-root")
                .attr("block/dm-2/dm/uuid", "mpath-36001405abcdef").attr("block/dm-2/dm/name", "mpatha")
                .attr("block/dm-2/dm/suspended", "0").attr("block/dm-2/size", "2097152")
                .dir("block/dm-2/slaves/sdc").dir("block/dm-2/slaves/sdd")
                .attr("block/sdc/device/state", "running").attr("block/sdd/device/state", "offline")
                .attr("block/dm-3/size", "8")
                .attr("block/dm-4/dm/uuid", "mpath-other").attr("block/dm-4/dm/name", "mpathb")
                .attr("block/dm-4/dm/suspended", "1").attr("block/dm-4/size", "8");
        List<MultipathDevice> d = MultipathReader.read(t.path("block"));
        assertEquals(2, d.size());
        assertEquals(new MultipathDevice("mpatha", "dm-2", "mpath-36001405abcdef", false, 2097152L * 512,
                List.of(new MultipathDevice.Path("sdc", "running"), new MultipathDevice.Path("sdd", "offline"))), d.get(0));
        assertTrue(d.get(1).suspended());
        assertTrue(d.get(1).paths().isEmpty());
        t.dir("block/dm-4/slaves/sde");
        assertThrows(NoSuchFileException.class, () -> MultipathReader.read(t.path("block")));
        assertThrows(NoSuchFileException.class, () -> MultipathReader.read(tmp.resolve("none")));
    }

    private static FileTree md(FileTree t, String dev, String level) {
        String p = "block/" + dev + "/md/";
        return t.attr(p + "level", level).attr(p + "array_state", "clean").attr(p + "metadata_version", "1.2")
                .attr(p + "uuid", "0a1b2c3d:00000000:00000000:00000001")
                .attr(p + "dev-sda1/state", "in_sync").attr(p + "chunk_size", "524288")
                .attr(p + "degraded", "0").attr(p + "sync_action", "idle").attr(p + "sync_completed", "none");
    }

    @Test
    void mdArraysByLevel() throws Exception {
        FileTree t = new FileTree(tmp);
        md(t, "md0", "raid1").attr("block/md0/md/raid_disks", "2");
        md(t, "md1", "raid5").attr("block/md1/md/raid_disks", "5 (4)").attr("block/md1/md/degraded", "1")
                .attr("block/md1/md/sync_completed", "500 / 2000");
        md(t, "md2", "raid0").attr("block/md2/md/raid_disks", "3").attr("block/md2/md/degraded", "bogus");
        md(t, "md127", "container");
        t.attr("block/sda/size", "1");
        List<MdRaid> r = MdRaidReader.read(t.path("block"));
        assertEquals(List.of("md0", "md1", "md127", "md2"), r.stream().map(MdRaid::device).toList());
        r = List.of(r.get(0), r.get(1), r.get(3), r.get(2));
        assertEquals(2L, r.get(0).raidDisks());
        assertEquals(0, r.get(0).degradedDisks());
        assertEquals(5L, r.get(1).raidDisks());
        assertEquals(1, r.get(1).degradedDisks());
        assertEquals(0.25, r.get(1).syncCompleted());
        assertEquals(3L, r.get(2).raidDisks());
        assertEquals(524288, r.get(2).chunkSize());
        assertEquals(0, r.get(2).degradedDisks()); // raid0 has no degraded count to read
        assertEquals("md127", r.get(3).device());
        assertNull(r.get(3).raidDisks());
    }

    @Test
    void mdFailures() {
        FileTree t = new FileTree(tmp);
        md(t, "md0", "raid1");
        assertThrows(NoSuchFileException.class, () -> MdRaidReader.read(t.path("block")));
        t.attr("block/md0/md/raid_disks", "2").attr("block/md0/md/sync_completed", "halfway");
        assertThrows(ParseException.class, () -> MdRaidReader.read(t.path("block")));
    }

    @Test
    void noBlockDirectoryMeansNoArrays() throws Exception {
        assertTrue(MdRaidReader.read(tmp.resolve("none")).isEmpty());
    }

    @Test
    void raidDisksDuringReshape() {
        assertEquals(11L, MdRaidReader.raidDisks("11 (10)"));
        assertNull(MdRaidReader.raidDisks(""));
        assertNull(MdRaidReader.raidDisks("many"));
    }
}
