package dev.nodepulse.cgroups.stats;

import dev.nodepulse.procfs.io.SmallFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The /proc side of a cgroup's process statistics: its PIDs (cgroup.procs), their open file descriptors and
 * sockets, the init process's open-files limit and network counters. Processes that exit while being read are
 * skipped: that is normal, not an error.
 */
public final class ProcReader {

    private final Path procfs;

    public ProcReader(Path procfs) {
        this.procfs = procfs;
    }

    public Path procfs() {
        return procfs;
    }

    /** The cgroup's own PIDs, sorted; throws {@link CgroupVanishedException} when the cgroup is gone. */
    public int[] pids(OpenFiles.Cgroup files, Path procsDir) throws IOException {
        FileBytes text = CgroupFiles.required(files, procsDir, "cgroup.procs");
        byte[] d = text.data;
        int n = 0;
        int[] out = null;
        int v = -1;
        for (int i = 0; i < text.length; i++) {
            int c = d[i] - '0';
            if (c >= 0 && c <= 9) {
                v = (v < 0 ? 0 : v * 10) + c;
            } else if (v >= 0) {
                out = append(out, n++, v);
                v = -1;
            }
        }
        if (v >= 0) {
            out = append(out, n++, v);
        }
        if (n == 0) {
            return NO_PIDS;
        }
        int[] pids = Arrays.copyOf(out, n);
        Arrays.sort(pids);
        return pids;
    }

    private static final int[] NO_PIDS = new int[0];

    private static int[] append(int[] out, int n, int v) {
        if (out == null) {
            out = new int[16];
        } else if (n == out.length) {
            out = Arrays.copyOf(out, n * 2);
        }
        out[n] = v;
        return out;
    }

    /**
     * Open fds and, while {@code readlinkBudget} lasts, sockets among them, summed over {@code pids}. Counting
     * sockets needs one readlink per fd (google/cadvisor#3063 is what that costs on fd-heavy workloads), so the
     * budget is shared by a whole walk; sockets are {@link ProcessStats#ABSENT} for a cgroup the budget did not
     * cover.
     *
     * @return {fds, sockets}
     */
    public long[] fds(int[] pids, AtomicLong readlinkBudget) {
        long fds = 0;
        long sockets = 0;
        boolean socketsComplete = true;
        for (int pid : pids) {
            Path dir = procfs.resolve(Integer.toString(pid)).resolve("fd");
            try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
                for (Path fd : s) {
                    fds++;
                    if (!socketsComplete) {
                        continue;
                    }
                    if (readlinkBudget.decrementAndGet() < 0) {
                        socketsComplete = false;
                        continue;
                    }
                    try {
                        if (Files.readSymbolicLink(fd).toString().startsWith("socket:")) {
                            sockets++;
                        }
                    } catch (IOException closed) {
                        // the fd was closed between listing and readlink
                    }
                }
            } catch (IOException | SecurityException exited) {
                // process exited, or /proc is not ours to read: count what is readable
            }
        }
        return new long[] {fds, socketsComplete ? sockets : ProcessStats.ABSENT};
    }

    /** The soft "Max open files" of {@code pid}: -1 unlimited, {@link ProcessStats#ABSENT} when unreadable. */
    public long maxOpenFiles(int pid) {
        String text = SmallFiles.readIfPresent(procfs.resolve(Integer.toString(pid)).resolve("limits"));
        if (text == null) {
            return ProcessStats.ABSENT;
        }
        for (String line : text.split("\n")) {
            if (line.startsWith("Max open files")) {
                String[] f = dev.nodepulse.procfs.io.Lines.fields(line.substring("Max open files".length()));
                if (f.length != 3) {
                    return ProcessStats.ABSENT;
                }
                if (f[0].equalsIgnoreCase("unlimited")) {
                    return -1;
                }
                try {
                    return Long.parseLong(f[0]);
                } catch (NumberFormatException e) {
                    return ProcessStats.ABSENT;
                }
            }
        }
        return ProcessStats.ABSENT;
    }

    /** Interfaces of {@code pid}'s network namespace; null when the process is gone. */
    public java.util.List<InterfaceStats> network(int pid) throws IOException {
        Path file = procfs.resolve(Integer.toString(pid)).resolve("net").resolve("dev");
        String text;
        try {
            text = SmallFiles.read(file);
        } catch (NoSuchFileException | java.nio.file.AccessDeniedException gone) {
            return null;
        }
        return NetDevParser.parse(text, file.toString());
    }
}
