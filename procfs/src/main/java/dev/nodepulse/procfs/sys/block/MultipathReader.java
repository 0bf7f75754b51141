package dev.nodepulse.procfs.sys.block;

import dev.nodepulse.procfs.io.SysfsAttributes;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Multipath maps among /sys/block/dm-*: a dm device whose dm/uuid is missing is not device-mapper and is
 * skipped; for a multipath map dm/name, dm/suspended and size (512-byte sectors) are required, and every
 * slave's device/state.
 */
public final class MultipathReader {

    private static final long SECTOR_SIZE = 512;

    private MultipathReader() {}

    /** @param block the sysfs directory block; missing: NoSuchFileException */
    public static List<MultipathDevice> read(Path block) throws IOException {
        List<MultipathDevice> out = new ArrayList<>();
        for (String entry : SysfsAttributes.list(block)) {
            if (!entry.startsWith("dm-")) {
                continue;
            }
            Path dev = block.resolve(entry);
            String uuid = SysfsAttributes.readIfExists(dev.resolve("dm").resolve("uuid"));
            if (uuid == null || !uuid.startsWith("mpath-")) {
                continue;
            }
            String name = SysfsAttributes.read(dev.resolve("dm").resolve("name"));
            long suspended = SysfsAttributes.readUnsigned(dev.resolve("dm").resolve("suspended"));
            long sectors = SysfsAttributes.readUnsigned(dev.resolve("size"));
            List<MultipathDevice.Path> paths = new ArrayList<>();
            List<String> slaves;
            try {
                slaves = SysfsAttributes.list(dev.resolve("slaves"));
            } catch (NoSuchFileException e) {
                slaves = List.of();
            }
            for (String slave : slaves) {
                String state = SysfsAttributes.read(block.resolve(slave).resolve("device").resolve("state"));
                paths.add(new MultipathDevice.Path(slave, state));
            }
            out.add(new MultipathDevice(name, entry, uuid, suspended == 1, sectors * SECTOR_SIZE, List.copyOf(paths)));
        }
        return List.copyOf(out);
    }
}
