package dev.nodepulse.procfs.sys;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.GoStrconv;
import dev.nodepulse.procfs.io.SmallFiles;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Reads cpufreq for every online CPU. CPUs listed in /sys/devices/system/cpu/offline are left out, and so
 * are CPUs without a cpufreq directory. The kernel may delay a frequency read per CPU (x86 samples
 * APERF/MPERF on the target CPU), so CPUs can be read in parallel on a caller's executor.
 */
public final class CpufreqReader {

    private static final String[] NUMBERS = {
        "cpuinfo_cur_freq", "cpuinfo_avg_freq", "cpuinfo_min_freq", "cpuinfo_max_freq",
        "cpuinfo_transition_latency", "scaling_cur_freq", "scaling_min_freq", "scaling_max_freq",
    };
    private static final String[] TEXTS = {
        "scaling_available_governors", "scaling_driver", "scaling_governor", "related_cpus", "scaling_setspeed",
    };

    private CpufreqReader() {}

    /**
     * @param pool runs the per-CPU reads, or null to read one CPU after the other
     * @throws NoSuchFileException when there is no CPU directory at all, or no offline list
     */
    public static List<Cpufreq> read(Path sysfs, ExecutorService pool) throws IOException {
        List<Path> cpus = onlineCpus(sysfs);
        if (cpus.isEmpty()) {
            throw new NoSuchFileException(SystemCpuDirs.root(sysfs) + ": could not find any cpufreq files");
        }
        List<Path> withCpufreq = new ArrayList<>(cpus.size());
        for (Path cpu : cpus) {
            if (Files.isDirectory(cpu.resolve("cpufreq"))) {
                withCpufreq.add(cpu);
            }
        }
        List<Cpufreq> out = new ArrayList<>(withCpufreq.size());
        if (pool == null || withCpufreq.size() < 2) {
            for (Path cpu : withCpufreq) {
                out.add(readCpu(cpu.resolve("cpufreq"), SystemCpuDirs.number(cpu)));
            }
            return out;
        }
        List<Future<Cpufreq>> pending = new ArrayList<>(withCpufreq.size());
        for (Path cpu : withCpufreq) {
            pending.add(pool.submit(() -> readCpu(cpu.resolve("cpufreq"), SystemCpuDirs.number(cpu))));
        }
        try {
            for (Future<Cpufreq> f : pending) {
                out.add(f.get());
            }
        } catch (InterruptedException e) {
            pending.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted reading cpufreq");
        } catch (ExecutionException e) {
            pending.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
        return out;
    }

    /** One CPU's cpufreq directory. The numeric attributes are optional, the text ones are not. */
    public static Cpufreq readCpu(Path dir, String cpu) throws IOException {
        OptionalLong[] n = new OptionalLong[NUMBERS.length];
        for (int i = 0; i < NUMBERS.length; i++) {
            n[i] = optionalUint(dir.resolve(NUMBERS[i]));
        }
        String[] t = new String[TEXTS.length];
        for (int i = 0; i < TEXTS.length; i++) {
            t[i] = SmallFiles.readTrimmed(dir.resolve(TEXTS[i]));
        }
        return new Cpufreq(cpu, n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], t[0], t[1], t[2], t[3], t[4]);
    }

    private static List<Path> onlineCpus(Path sysfs) throws IOException {
        List<Path> cpus = SystemCpuDirs.list(sysfs);
        Path offlineFile = SystemCpuDirs.root(sysfs).resolve("offline");
        String offline = SmallFiles.read(offlineFile).strip();
        if (offline.isEmpty()) {
            return cpus;
        }
        Set<Integer> off = new HashSet<>(CpuRange.parse(offline, offlineFile.toString()));
        List<Path> online = new ArrayList<>(cpus.size());
        for (Path cpu : cpus) {
            String number = SystemCpuDirs.number(cpu);
            int id;
            try {
                id = Integer.parseInt(number);
            } catch (NumberFormatException e) {
                throw new ParseException(cpu + ": not a CPU number: \"" + number + "\"");
            }
            if (!off.contains(id)) {
                online.add(cpu);
            }
        }
        return online;
    }

    private static OptionalLong optionalUint(Path file) throws IOException {
        String s;
        try {
            s = SmallFiles.read(file);
        } catch (NoSuchFileException | AccessDeniedException e) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(GoStrconv.parseUint(s.strip(), 10, 64));
        } catch (NumberFormatException e) {
            throw new ParseException(file + ": " + e.getMessage());
        }
    }
}
