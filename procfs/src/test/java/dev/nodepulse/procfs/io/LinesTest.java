package dev.nodepulse.procfs.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinesTest {

    @Test
    void fieldsSplitOnRunsOfBlanks() {
        assertArrayEquals(new String[] {"a", "b", "c"}, Lines.fields("  a \t b   c \n"));
        assertArrayEquals(new String[0], Lines.fields("   "));
    }

    @Test
    void linesDropTheTrailingNewlineOnly() {
        assertEquals(List.of("a", "", "b"), Lines.of("a\n\nb\n"));
        assertEquals(List.of("a"), Lines.of("a"));
        assertEquals(List.of(), Lines.of(""));
    }

    @Test
    void readsFilesOfAnySizeAndReportsMissingOnes(@TempDir Path dir) throws Exception {
        String big = "x".repeat(100_000) + "\n";
        Files.writeString(dir.resolve("big"), big);
        assertEquals(big, SmallFiles.read(dir.resolve("big")));
        Files.writeString(dir.resolve("n"), " 42\n");
        assertEquals(42, SmallFiles.readLong(dir.resolve("n")));
        assertThrows(NoSuchFileException.class, () -> SmallFiles.read(dir.resolve("missing")));
        assertEquals(true, SmallFiles.readLongIfPresent(dir.resolve("missing")).isEmpty());
        Files.writeString(dir.resolve("bad"), "abc\n");
        assertThrows(dev.nodepulse.procfs.ParseException.class, () -> SmallFiles.readLong(dir.resolve("bad")));
    }

    @Test
    void readsProcFilesThatReportSizeZero() throws Exception {
        String s = SmallFiles.read(Path.of("/proc/self/status"));
        assertEquals(true, s.contains("Name:"));
    }
}
