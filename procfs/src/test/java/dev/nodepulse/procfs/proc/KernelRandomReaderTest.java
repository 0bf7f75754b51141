package dev.nodepulse.procfs.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.ParseException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelRandomReaderTest {

    @Test
    void capture() throws Exception {
        Path proc = Fixtures.path("host-capture/proc");
        KernelRandom r = KernelRandomReader.read(proc);
        assertEquals(Long.parseLong(Files.readString(proc.resolve("sys/kernel/random/entropy_avail")).strip()),
                r.entropyAvailBits().getAsLong());
        assertEquals(Long.parseLong(Files.readString(proc.resolve("sys/kernel/random/poolsize")).strip()),
                r.poolSizeBits().getAsLong());
    }

    @Test
    void missingFilesAreEmptyAndGarbageFails(@TempDir Path proc) throws Exception {
        assertEquals(new KernelRandom(OptionalLong.empty(), OptionalLong.empty()), KernelRandomReader.read(proc));
        Path dir = Files.createDirectories(proc.resolve("sys/kernel/random"));
        Files.writeString(dir.resolve("entropy_avail"), "1337\n");
        assertEquals(new KernelRandom(OptionalLong.of(1337), OptionalLong.empty()), KernelRandomReader.read(proc));
        Files.writeString(dir.resolve("poolsize"), "");
        assertThrows(ParseException.class, () -> KernelRandomReader.read(proc));
        Files.writeString(dir.resolve("poolsize"), "-1\n");
        assertThrows(ParseException.class, () -> KernelRandomReader.read(proc));
    }
}
