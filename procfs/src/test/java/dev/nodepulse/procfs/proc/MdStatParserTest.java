package dev.nodepulse.procfs.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.ParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MdStatParserTest {

    private static MdStat byName(List<MdStat> l, String name) {
        return l.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void devicesStatesAndSyncProgress() throws Exception {
        List<MdStat> all = MdStatParser.parse(Fixtures.text("handmade/proc/mdstat"));
        assertEquals(6, all.size());

        MdStat md1 = byName(all, "md1");
        assertEquals("raid1", md1.type());
        assertEquals("active", md1.activityState());
        assertEquals(2, md1.disksActive());
        assertEquals(2, md1.disksTotal());
        assertEquals(976630464L, md1.blocksTotal());
        assertEquals(976630464L, md1.blocksSynced());
        assertEquals(2, md1.components().size());

        MdStat md2 = byName(all, "md2");
        assertEquals("recovering", md2.activityState());
        assertEquals(3, md2.disksActive());
        assertEquals(4, md2.disksTotal());
        assertEquals(1, md2.disksDown());
        assertEquals(1, md2.disksFailed());
        assertEquals(168847360L, md2.blocksSynced());
        assertEquals(976630101L, md2.blocksToBeSynced());
        assertEquals(17.3, md2.syncedPercent());
        assertEquals(93.2, md2.finishMinutes());
        assertEquals(144410, md2.speedKiBPerSecond());
        assertTrue(md2.components().stream().anyMatch(c -> c.name().equals("sdc1") && c.faulty()));

        MdStat md3 = byName(all, "md3");
        assertEquals("raid0", md3.type());
        assertEquals(2, md3.disksTotal());
        assertEquals(2, md3.disksActive());

        MdStat md4 = byName(all, "md4");
        assertEquals("inactive", md4.activityState());
        assertEquals("unknown", md4.type());
        assertEquals(0, md4.disksTotal());
        assertEquals(1, md4.disksSpare());
        assertEquals(488252416L, md4.blocksTotal());

        MdStat md5 = byName(all, "md5");
        assertEquals("raid1", md5.type());
        assertEquals("resyncing", md5.activityState());
        assertEquals(0, md5.blocksSynced());
        assertEquals(1, md5.disksSpare());

        MdStat md6 = byName(all, "md6");
        assertEquals("checking", md6.activityState());
        assertEquals(4631040L, md6.blocksSynced());
    }

    @Test
    void emptyFileAndNoArrays() throws Exception {
        assertTrue(MdStatParser.parse("").isEmpty());
        assertTrue(MdStatParser.parse("Personalities : \nunused devices: <none>\n").isEmpty());
    }

    @Test
    void rejectsMalformedDevices() {
        assertThrows(ParseException.class, () -> MdStatParser.parse("md0 :\n      100 blocks [1/1] [U]\n\n\n"));
        assertThrows(ParseException.class, () -> MdStatParser.parse("md0 : active raid1 sda[0]\n      100 blocks\n"));
        assertThrows(ParseException.class,
                () -> MdStatParser.parse("md0 : active raid1 sda[0]\n      many blocks [1/1] [U]\n\n\n"));
        assertThrows(ParseException.class,
                () -> MdStatParser.parse("md0 : active raid1 sda[0]\n      100 blocks [1/1]\n\n\n"));
        assertThrows(ParseException.class, () -> MdStatParser.parse("md0 : active raid1 sda[0]\n      100 blocks [2/2] [UU]\n"
                + "      [=>...]  recovery = 5.0% finish=1.0min speed=10K/sec\n\n"));
    }
}
