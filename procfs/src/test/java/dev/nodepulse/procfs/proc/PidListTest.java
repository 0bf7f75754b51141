package dev.nodepulse.procfs.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidListTest {

    @Test
    void numericEntriesOnlyInOrder(@TempDir Path dir) throws Exception {
        for (String n : new String[] {"10", "2", "self", "sys", "0x1", "99999999999", "300"}) {
            Files.createDirectory(dir.resolve(n));
        }
        assertEquals(List.of(2, 10, 300), PidList.of(dir));
    }

    @Test
    void liveProcContainsThisProcess() throws Exception {
        Path proc = Path.of("/proc");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(proc.resolve("self")));
        int self = (int) ProcessHandle.current().pid();
        assertTrue(PidList.of(proc).contains(self));
        assertTrue(PidList.of(proc.resolve(Integer.toString(self)).resolve("task")).contains(self));
    }

    @Test
    void missingDirectoryIsNoSuchFile(@TempDir Path dir) {
        assertThrows(NoSuchFileException.class, () -> PidList.of(dir.resolve("gone")));
        assertEquals(-1, PidList.parse(""));
        assertEquals(-1, PidList.parse("-1"));
    }
}
