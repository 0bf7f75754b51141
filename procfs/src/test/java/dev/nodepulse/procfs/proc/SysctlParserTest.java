package dev.nodepulse.procfs.proc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.ParseException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SysctlParserTest {

    @Test
    void capturedFileNrHasThreeIntegers() throws Exception {
        String text = Fixtures.text("host-capture/proc/sys-fs-file-nr");
        long[] v = SysctlParser.integers(text, "fs.file-nr");
        String[] f = text.trim().split("\\s+");
        assertEquals(3, v.length);
        for (int i = 0; i < 3; i++) {
            assertEquals(Long.parseLong(f[i]), v[i]);
        }
    }

    @Test
    void dotsBecomePathElements() {
        assertEquals(Path.of("/proc/sys/kernel/seccomp/actions_avail"),
                SysctlParser.path(Path.of("/proc"), "kernel.seccomp.actions_avail"));
    }

    @Test
    void wordsAndIntegers() throws Exception {
        assertArrayEquals(new String[] {"kill_process", "trap"}, SysctlParser.words("kill_process trap\n"));
        assertArrayEquals(new long[] {16, -1}, SysctlParser.integers("0x10\t-1\n", "x"));
        assertEquals(0, SysctlParser.integers("", "x").length);
        assertTrue(SysctlParser.words("\n").length == 0);
        ParseException e = assertThrows(ParseException.class, () -> SysctlParser.integers("1 two\n", "a.b"));
        assertTrue(e.getMessage().contains("field 1 in sysctl a.b"), e.getMessage());
    }
}
