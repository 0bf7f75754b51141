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
        String first;
        try {
            first = SmallFiles.read(cpus.get(0).resolve("online"));
        } catch (NoSuchFileException e) {
            return out;
        } catch (IOException e) {
            // present but unreadable: the states are still published, offline where unreadable
            first = null;
        }
        for (int i = 0; i < cpus.size(); i++) {
            Path cpu = cpus.get(i);
            String s = i == 0 ? first : SmallFiles.readIfPresent(cpu.resolve("online"));
            out.add(new CpuOnline(SystemCpuDirs.number(cpu), s != null && s.strip().equals("1")));
        }
        return out;
    }
}
