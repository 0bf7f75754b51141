package dev.nodepulse.procfs.proc;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The numeric entries of a procfs directory: process IDs under /proc, thread IDs under /proc/[pid]/task.
 * Other names (self, sys, net, ...) are not processes and are left out.
 */
public final class PidList {

    private PidList() {}

    /** The IDs in ascending order. A missing directory throws {@link java.nio.file.NoSuchFileException}. */
    public static List<Integer> of(Path dir) throws IOException {
        List<Integer> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                int id = parse(p.getFileName().toString());
                if (id >= 0) {
                    out.add(id);
                }
            }
        } catch (DirectoryIteratorException e) {
            // A task directory can go away while it is being read.
            throw e.getCause();
        }
        out.sort(null);
        return out;
    }

    /** The name as a non-negative decimal integer, or -1 when it is not one. */
    static int parse(String name) {
        if (name.isEmpty() || name.length() > 10) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v <= Integer.MAX_VALUE ? (int) v : -1;
    }
}
