package dev.nodepulse.procfs.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.ParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

class BtrfsMountsParserTest {

    private static final String MOUNTINFO =
            "22 1 0:21 / / rw,relatime shared:1 - ext4 /dev/vda1 rw\n"
            + "43 22 0:39 / /srv/data rw,relatime shared:30 - btrfs /dev/sdb rw,space_cache=v2,subvolid=5,subvol=/\n"
            + "44 22 0:39 /home /home\\040dir rw,relatime - btrfs /dev/sdb rw,subvolid=257,subvol=/home\n"
            + "45 22 0:40 / /tmp rw - tmpfs tmpfs rw\n";

    @Test
    void btrfsMountsOnly() throws Exception {
        assertEquals(List.of(new BtrfsMount("/dev/sdb", "/srv/data"), new BtrfsMount("/dev/sdb", "/home dir")),
                BtrfsMountsParser.parse(MOUNTINFO, "mountinfo"));
        assertTrue(BtrfsMountsParser.parse("", "mountinfo").isEmpty());
    }

    @Test
    void oneMalformedLineRejectsTheFile() {
        assertThrows(ParseException.class, () -> BtrfsMountsParser.parse(MOUNTINFO + "46 22 0:41 / /x rw - xfs\n", "m"));
        assertThrows(ParseException.class,
                () -> BtrfsMountsParser.parse("x 22 0:41 / /x rw shared:1 - xfs /dev/sdc rw\n", "m"));
        assertThrows(ParseException.class,
                () -> BtrfsMountsParser.parse("46 22 zero / /x rw shared:1 - xfs /dev/sdc rw\n", "m"));
        assertThrows(ParseException.class,
                () -> BtrfsMountsParser.parse("46 22 0:41 / /x rw shared:1 xfs /dev/sdc rw extra\n", "m"));
    }
}
