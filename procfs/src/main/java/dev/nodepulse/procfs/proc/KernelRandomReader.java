package dev.nodepulse.procfs.proc;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.GoStrconv;
import dev.nodepulse.procfs.io.SmallFiles;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Reads entropy_avail and poolsize of /proc/sys/kernel/random. The other files there (wakeup thresholds,
 * urandom_min_reseed_secs) are not read: nothing is published from them.
 */
public final class KernelRandomReader {

    private KernelRandomReader() {}

    /** @param procfs the proc root (--path.procfs) */
    public static KernelRandom read(Path procfs) throws IOException {
        Path dir = procfs.resolve("sys/kernel/random");
        return new KernelRandom(optional(dir.resolve("entropy_avail")), optional(dir.resolve("poolsize")));
    }

    private static OptionalLong optional(Path file) throws IOException {
        String s;
        try {
            s = SmallFiles.read(file).strip();
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(GoStrconv.parseUint(s, 10, 64));
        } catch (NumberFormatException e) {
            throw new ParseException(file + ": not an unsigned integer: \"" + s + "\"");
        }
    }
}
