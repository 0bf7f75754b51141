package dev.nodepulse.cgroups.stats;

import dev.nodepulse.procfs.io.SmallFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads of cgroupfs files that tell a missing file apart from a cgroup that went away. */
final class CgroupFiles {

    /** A file named in a parse error; the path is only built when an error message needs it. */
    record Source(Path dir, String file) {
        @Override
        public String toString() {
            return dir.resolve(file).toString();
        }
    }

    static Source src(Path dir, String file) {
        return new Source(dir, file);
    }

    private CgroupFiles() {}

    /** A kept-open read ({@link OpenFiles}) of a file the cgroup must have. */
    static FileBytes required(OpenFiles.Cgroup files, Path dir, String file) throws IOException {
        FileBytes b = files.read(dir, file);
        if (b == null) {
            if (!Files.isDirectory(dir)) {
                throw new CgroupVanishedException(files.id());
            }
            throw new NoSuchFileException(dir.resolve(file).toString());
        }
        return b;
    }

    /** A kept-open read of an optional file; null when absent or not readable. */
    static FileBytes optional(OpenFiles.Cgroup files, Path dir, String file) {
        if (dir == null) {
            return null;
        }
        try {
            return files.read(dir, file);
        } catch (IOException refused) {
            return null; // gone, EOPNOTSUPP from *.pressure with PSI off, EACCES: not offered here
        }
    }

    static long requiredLong(OpenFiles.Cgroup files, Path dir, String file) throws IOException {
        return KeyValueParser.parseSingle(required(files, dir, file), new Source(dir, file));
    }

    static long optionalLong(OpenFiles.Cgroup files, Path dir, String file, long absent) throws IOException {
        FileBytes b = optional(files, dir, file);
        return b == null || b.isBlank() ? absent : KeyValueParser.parseSingle(b, new Source(dir, file));
    }

    /** A file only some kernels or configurations offer: null when it is not there or cannot be read. */
    static String optional(Path dir, String file) {
        if (dir == null) {
            return null;
        }
        return SmallFiles.readIfPresent(dir.resolve(file));
    }

    /** An optional single-integer file; {@code absent} when missing. */
    static long optionalLong(Path dir, String file, long absent) throws IOException {
        String s = optional(dir, file);
        return s == null || s.isBlank() ? absent : KeyValueParser.parseSingle(s, dir.resolve(file).toString());
    }
}
