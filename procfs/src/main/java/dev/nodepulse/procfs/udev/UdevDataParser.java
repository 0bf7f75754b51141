package dev.nodepulse.procfs.udev;

import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.Lines;
import dev.nodepulse.procfs.io.SmallFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * udev's database files (see udevadm(8)): one record per line, a one-letter type and a colon
 * ({@code S:} symlink, {@code E:} property, {@code G:} tag, ...). Only properties are read; a line of
 * another type, or a property without "=", is skipped rather than rejected, since udev adds record types
 * over time. The last of a repeated key wins.
 */
public final class UdevDataParser {

    private static final String PROPERTY = "E:";

    private UdevDataParser() {}

    public static UdevProperties parse(String text) {
        Map<String, String> props = new HashMap<>();
        for (String line : Lines.of(text)) {
            if (!line.startsWith(PROPERTY)) {
                continue;
            }
            int eq = line.indexOf('=', PROPERTY.length());
            if (eq < 0) {
                continue;
            }
            props.put(line.substring(PROPERTY.length(), eq), line.substring(eq + 1));
        }
        return new UdevProperties(props);
    }

    /** The file of a block device: {@code <udev.data>/b<major>:<minor>}. */
    public static Path blockDeviceFile(HostPaths paths, long major, long minor) {
        return paths.udevData().resolve("b" + major + ":" + minor);
    }

    /** Reads a block device's properties; a missing or unreadable file is an IOException for the caller to judge. */
    public static UdevProperties readBlockDevice(HostPaths paths, long major, long minor) throws IOException {
        return parse(SmallFiles.read(blockDeviceFile(paths, major, minor)));
    }
}
