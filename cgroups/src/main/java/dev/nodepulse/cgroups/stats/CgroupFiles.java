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

    /** A cached read ({@link OpenFiles}) of a file the cgroup must have. */
    static String required(OpenFiles files, Path dir, String file, String id) throws IOException {
        String s = files.read(id, dir, file);
        if (s == null) {
            if (!Files.isDirectory(dir)) {
                throw new CgroupVanishedException(id);
            }
            throw new NoSuchFileException(dir.resolve(file).toString());
        }
        return s;
    }

    /** A cached read of an optional file; null when absent. */
    static String optional(OpenFiles files, Path dir, String file, String id) throws IOException {
        if (dir == null) {
            return null;
        }
        try {
            return files.read(id, dir, file);
        } catch (java.nio.file.NoSuchFileException gone) {
            return null;
        } catch (IOException refused) {
            return null; // EOPNOTSUPP from *.pressure with PSI off, EACCES: not offered here
        }
    }

    static long requiredLong(OpenFiles files, Path dir, String file, String id) throws IOException {
        return KeyValueParser.parseSingle(required(files, dir, file, id), new Source(dir, file));
    }

    static long optionalLong(OpenFiles files, Path dir, String file, String id, long absent) throws IOException {
        String s = optional(files, dir, file, id);
        return s == null || s.isBlank() ? absent : KeyValueParser.parseSingle(s, new Source(dir, file));
    }

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
