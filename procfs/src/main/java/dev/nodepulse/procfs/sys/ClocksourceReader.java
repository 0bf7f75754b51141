package dev.nodepulse.procfs.sys;

import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.Lines;
import dev.nodepulse.procfs.io.SysfsAttributes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads /sys/devices/system/clocksource/clocksource[0-9]* in name order (so clocksource10 sorts before
 * clocksource2, as Go's glob returns them). No such directory means no clocksources; a device directory
 * whose files cannot be read is an error.
 */
public final class ClocksourceReader {

    private ClocksourceReader() {}

    public static List<Clocksource> read(HostPaths paths) throws IOException {
        Path dir = paths.sys("devices/system/clocksource");
        List<Clocksource> out = new ArrayList<>();
        for (String entry : dev.nodepulse.procfs.io.SmallFiles.list(dir)) {
            if (!entry.startsWith("clocksource") || entry.length() == "clocksource".length()
                    || entry.charAt("clocksource".length()) < '0' || entry.charAt("clocksource".length()) > '9') {
                continue;
            }
            Path device = dir.resolve(entry);
            out.add(parse(entry.substring("clocksource".length()),
                    SysfsAttributes.read(device.resolve("available_clocksource")),
                    SysfsAttributes.read(device.resolve("current_clocksource"))));
        }
        return out;
    }

    /** The record for one device from its two attribute files' (trimmed) contents. */
    public static Clocksource parse(String name, String available, String current) {
        return new Clocksource(name, List.of(Lines.fields(available)), current);
    }
}
