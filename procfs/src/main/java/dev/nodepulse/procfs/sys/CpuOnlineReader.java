package dev.nodepulse.procfs.sys;

import dev.nodepulse.procfs.io.SmallFiles;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The online state of every CPU. The boot CPU usually cannot be taken offline and then has no "online"
 * file; when the first CPU lacks it the kernel offers no hot-plug state at all and the list is empty.
 * Another CPU whose file cannot be read counts as offline.
 */
public final class CpuOnlineReader {

    private CpuOnlineReader() {}

    public static List<CpuOnline> read(Path sysfs) throws IOException {
        List<Path> cpus = SystemCpuDirs.list(sysfs);
        List<CpuOnline> out = new ArrayList<>(cpus.size());
        if (cpus.isEmpty()) {
            return out;
        }
        try {
            SmallFiles.read(cpus.get(0).resolve("online"));
        } catch (NoSuchFileException e) {
            return out;
        } catch (IOException e) {
            // unreadable but present: the state is still published, as offline where unreadable
        }
        for (Path cpu : cpus) {
            String s = SmallFiles.readIfPresent(cpu.resolve("online"));
            out.add(new CpuOnline(SystemCpuDirs.number(cpu), s != null && s.strip().equals("1")));
        }
        return out;
    }
}
