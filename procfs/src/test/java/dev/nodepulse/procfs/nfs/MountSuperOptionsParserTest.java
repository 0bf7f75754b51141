package dev.nodepulse.procfs.nfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.ParseException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MountSuperOptionsParserTest {

    @Test
    void lastColumnPerLineInOrder() throws Exception {
        List<Map<String, String>> opts = MountSuperOptionsParser.parse(Fixtures.text("handwritten/nfs/mountinfo"));
        assertEquals(5, opts.size());
        assertEquals("", opts.get(0).get("rw"));
        assertEquals("10.1.2.3", opts.get(2).get("addr"));
        assertEquals("10.1.2.4", opts.get(3).get("addr"));
        assertEquals("20049", opts.get(4).get("port"));
    }

    @Test
    void doubledSpacesAreEmptyFieldsNotErrors() throws Exception {
        // The rootfs line of node_exporter's fixture has two spaces after the root path.
        List<Map<String, String>> opts = MountSuperOptionsParser.parse(
                "1 1 0:5 /  /root rw,nosuid shared:8 - rootfs rootfs rw\n");
        assertEquals(Map.of("rw", ""), opts.get(0));
    }

    @Test
    void emptyFileHasNoMounts() throws Exception {
        assertTrue(MountSuperOptionsParser.parse("").isEmpty());
    }

    @Test
    void malformedLinesAreErrors() {
        assertThrows(ParseException.class, () -> MountSuperOptionsParser.parse("22 27 0:21 / /proc rw - proc\n"));
        assertThrows(ParseException.class,
                () -> MountSuperOptionsParser.parse("22 27 0:21 / /proc rw shared:1 x proc proc rw\n"));
        assertThrows(ParseException.class,
                () -> MountSuperOptionsParser.parse("a 27 0:21 / /proc rw shared:1 - proc proc rw\n"));
    }
}
