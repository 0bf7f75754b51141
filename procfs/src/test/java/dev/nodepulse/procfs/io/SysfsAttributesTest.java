package dev.nodepulse.procfs.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nodepulse.procfs.FileTree;
import dev.nodepulse.procfs.ParseException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SysfsAttributesTest {

    @TempDir
    Path tmp;

    @Test
    void readsTrimmedAndCutAt128Bytes() throws Exception {
        FileTree t = new FileTree(tmp).attr("short", "  live ").attr("long", "x".repeat(200));
        assertEquals("live", SysfsAttributes.read(t.path("short")));
        assertEquals(128, SysfsAttributes.read(t.path("long")).length());
        assertEquals(200, SysfsAttributes.readWhole(t.path("long")).length());
        assertEquals("", SysfsAttributes.read(new FileTree(tmp).file("empty", "").path("empty")));
    }

    @Test
    void missingAndDirectories() throws Exception {
        assertThrows(NoSuchFileException.class, () -> SysfsAttributes.read(tmp.resolve("nope")));
        assertNull(SysfsAttributes.readIfExists(tmp.resolve("nope")));
        assertThrows(IOException.class, () -> SysfsAttributes.read(tmp));
        assertThrows(NoSuchFileException.class, () -> SysfsAttributes.list(tmp.resolve("nope")));
    }

    @Test
    void unsignedAndListing() throws Exception {
        FileTree t = new FileTree(tmp).attr("d/b", "18446744073709551615").attr("d/a", "7").attr("d/c", "-7");
        assertEquals(List.of("a", "b", "c"), SysfsAttributes.list(t.path("d")));
        assertEquals(7, SysfsAttributes.readUnsigned(t.path("d/a")));
        assertEquals(-1L, SysfsAttributes.readUnsigned(t.path("d/b")));
        assertThrows(ParseException.class, () -> SysfsAttributes.readUnsigned(t.path("d/c")));
    }
}
