package dev.nodepulse.procfs.machine;

import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.SmallFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads {@link MachineInfo} from plain files, the way cAdvisor's machine package does: /proc/cpuinfo (CPU
 * counts, with sysfs topology as fallback), /proc/meminfo, EDAC sysfs, the boot, machine and DMI IDs,
 * /proc/sys/kernel/osrelease and os-release. OSHI would add nothing these files do not give, so it is not used.
 */
public final class MachineInfoReader {

    private final HostPaths paths;
    private final String arch;

    public MachineInfoReader(HostPaths paths) {
        this(paths, System.getProperty("os.arch", ""));
    }

    MachineInfoReader(HostPaths paths, String arch) {
        this.paths = paths;
        this.arch = arch;
    }

    public MachineInfo read() throws IOException {
        String cpuinfo = SmallFiles.read(paths.proc("cpuinfo"));
        int cores = 0;
        Set<String> coreIds = new HashSet<>();
        Set<String> physicalIds = new HashSet<>();
        Set<String> bookIds = new HashSet<>();
        Set<String> drawerIds = new HashSet<>();
        for (String line : cpuinfo.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "processor" -> cores++;
                case "core id" -> coreIds.add(value);
                case "physical id" -> physicalIds.add(value);
                case "book id" -> bookIds.add(value);
                case "drawer id" -> drawerIds.add(value);
                default -> { }
            }
        }
        int physicalCores = coreIds.isEmpty() ? uniqueTopology("core_id") : coreIds.size();
        int sockets = physicalIds.isEmpty() ? uniqueTopology("physical_package_id") : physicalIds.size();
        boolean s390 = arch.contains("390");
        int books = !s390 ? 0 : bookIds.isEmpty() ? uniqueTopology("book_id") : bookIds.size();
        int drawers = !s390 ? 0 : drawerIds.isEmpty() ? uniqueTopology("drawer_id") : drawerIds.size();
        if (cores == 0) {
            cores = countCpus();
        }

        long memTotal = 0;
        long swapTotal = 0;
        for (String line : SmallFiles.readLines(paths.proc("meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                memTotal = kb(line);
            } else if (line.startsWith("SwapTotal:")) {
                swapTotal = kb(line);
            }
        }

        return new MachineInfo(cores, physicalCores, sockets, books, drawers, memTotal, swapTotal, dimms(), noNvm(),
                firstOf(paths.proc("sys", "kernel", "random", "boot_id")),
                firstOf(paths.root("/etc/machine-id"), paths.root("/var/lib/dbus/machine-id")),
                firstOf(paths.sys("class", "dmi", "id", "product_uuid")),
                orUnknown(firstOf(paths.proc("sys", "kernel", "osrelease"))), osVersion());
    }

    private static long kb(String line) {
        String[] f = dev.nodepulse.procfs.io.Lines.fields(line);
        return f.length >= 2 ? Long.parseLong(f[1]) * 1024 : 0;
    }

    private int uniqueTopology(String attribute) throws IOException {
        Set<String> values = new HashSet<>();
        Path cpus = paths.sys("devices", "system", "cpu");
        for (String name : SmallFiles.list(cpus)) {
            if (!name.matches("cpu[0-9]+")) {
                continue;
            }
            String v = SmallFiles.readIfPresent(cpus.resolve(name).resolve("topology").resolve(attribute));
            if (v != null) {
                values.add(v.strip());
            }
        }
        return values.size();
    }

    private int countCpus() throws IOException {
        int n = 0;
        for (String name : SmallFiles.list(paths.sys("devices", "system", "cpu"))) {
            if (name.matches("cpu[0-9]+")) {
                n++;
            }
        }
        return n;
    }

    /** EDAC per-DIMM files: mc[0-9]+/dimm[0-9]+/{dimm_mem_type,size (MiB)}. */
    private Map<String, MachineInfo.Dimms> dimms() throws IOException {
        Map<String, MachineInfo.Dimms> out = new TreeMap<>();
        Path edac = paths.sys("devices", "system", "edac", "mc");
        for (String mc : SmallFiles.list(edac)) {
            if (!mc.matches("mc[0-9]+")) {
                continue;
            }
            for (String dimm : SmallFiles.list(edac.resolve(mc))) {
                if (!dimm.matches("dimm[0-9]+")) {
                    continue;
                }
                Path d = edac.resolve(mc).resolve(dimm);
                String type = SmallFiles.readIfPresent(d.resolve("dimm_mem_type"));
                String size = SmallFiles.readIfPresent(d.resolve("size"));
                if (type == null || size == null) {
                    continue;
                }
                long bytes = Long.parseLong(size.strip()) * 1024 * 1024;
                out.merge(type.strip(), new MachineInfo.Dimms(1, bytes),
                        (a, b) -> new MachineInfo.Dimms(a.count() + b.count(), a.capacityBytes() + b.capacityBytes()));
            }
        }
        return out;
    }

    private boolean noNvm() throws IOException {
        for (String name : SmallFiles.list(paths.sys("bus", "nd", "devices"))) {
            if (name.startsWith("region")) {
                return false;
            }
        }
        return true;
    }

    private String osVersion() {
        for (Path p : List.of(paths.root("/etc/os-release"), paths.root("/usr/lib/os-release"))) {
            String text = SmallFiles.readIfPresent(p);
            if (text == null) {
                continue;
            }
            for (String line : text.split("\n")) {
                if (line.startsWith("PRETTY_NAME=")) {
                    String v = line.substring("PRETTY_NAME=".length()).strip();
                    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                        v = v.substring(1, v.length() - 1);
                    }
                    return v;
                }
            }
            return "Linux";
        }
        return "Unknown";
    }

    private static String firstOf(Path... candidates) {
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                String s = SmallFiles.readIfPresent(p);
                if (s != null) {
                    return s.strip();
                }
            }
        }
        return "";
    }

    private static String orUnknown(String s) {
        return s.isEmpty() ? "Unknown" : s;
    }
}
