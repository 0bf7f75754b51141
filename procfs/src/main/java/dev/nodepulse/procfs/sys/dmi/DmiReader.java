package dev.nodepulse.procfs.sys.dmi;

import dev.nodepulse.procfs.io.SysfsAttributes;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** /sys/class/dmi/id: every regular file except modalias and uevent, trimmed; unreadable ones skipped. */
public final class DmiReader {

    private DmiReader() {}

    /** @param dir the sysfs directory class/dmi/id; missing: {@link java.nio.file.NoSuchFileException} */
    public static DmiInfo read(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (String name : SysfsAttributes.list(dir)) {
            Path p = dir.resolve(name);
            if (!SysfsAttributes.isRegularFile(p) || name.equals("modalias") || name.equals("uevent")) {
                continue;
            }
            try {
                out.put(name, SysfsAttributes.read(p));
            } catch (AccessDeniedException e) {
                // Only root may read the serial numbers and product_uuid.
            }
        }
        return new DmiInfo(Map.copyOf(out));
    }
}
