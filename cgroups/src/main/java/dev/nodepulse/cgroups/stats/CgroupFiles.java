package dev.nodepulse.cgroups.stats;

import dev.nodepulse.procfs.io.SmallFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads of cgroupfs files that tell a missing file apart from a cgroup that went away. */
final class CgroupFiles {

    private CgroupFiles() {}

    /** A file the cgroup must have; a missing one means the cgroup itself is gone. */
    static String required(Path dir, String file, String id) throws IOException {
        try {
            return SmallFiles.read(dir.resolve(file));
        } catch (NoSuchFileException e) {
            if (!Files.isDirectory(dir)) {
                throw new CgroupVanishedException(id);
            }
            throw e;
        }
    }

    /** A file only some kernels or configurations offer: null when it is not there or cannot be read. */
    static String optional(Path dir, String file) {
        if (dir == null) {
            return null;
        }
        return SmallFiles.readIfPresent(dir.resolve(file));
    }

    static long requiredLong(Path dir, String file, String id) throws IOException {
        return KeyValueParser.parseSingle(required(dir, file, id), dir.resolve(file).toString());
    }

    /** An optional single-integer file; {@code absent} when missing. */
    static long optionalLong(Path dir, String file, long absent) throws IOException {
        String s = optional(dir, file);
        return s == null || s.isBlank() ? absent : KeyValueParser.parseSingle(s, dir.resolve(file).toString());
    }
}
