package dev.nodepulse.procfs.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.ParseException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class SwapsParserTest {

    // mm/swapfile.c swap_show(): "%s%*s%s\t%lu\t%s%lu\t%s%d\n" with padding to 40 columns
    private static final String TWO_AREAS = "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n"
            + "/dev/zram0                              partition\t8388604\t\t76\t\t100\n"
            + "/swap\\040file                           file\t\t2097148\t\t0\t\t-2\n";

    @Test
    void areasAfterTheHeader() throws Exception {
        Swaps s = SwapsParser.parse(TWO_AREAS);
        assertEquals(2, s.areas().size());
        assertEquals(new Swaps.Area("/dev/zram0", "partition", 8388604, 76, 100), s.areas().get(0));
        assertEquals("/swap\\040file", s.areas().get(1).filename());
        assertEquals(-2, s.areas().get(1).priority());
    }

    @Test
    void liveFileParses() throws Exception {
        Path p = Path.of("/proc/swaps");
        Assumptions.assumeTrue(Files.isReadable(p));
        String text = dev.nodepulse.procfs.io.SmallFiles.read(p);
        assertEquals(text.strip().split("\n").length - 1, SwapsParser.parse(text).areas().size());
    }

    @Test
    void emptyHeaderOnlyAndMalformed() throws Exception {
        assertTrue(SwapsParser.parse("").areas().isEmpty());
        assertTrue(SwapsParser.parse("Filename\tType\tSize\tUsed\tPriority\n").areas().isEmpty());
        assertThrows(ParseException.class, () -> SwapsParser.parse("h\n/dev/sda2 partition 10 0\n"));
        assertThrows(ParseException.class, () -> SwapsParser.parse("h\n/dev/sda2 partition 10 x -2\n"));
    }
}
