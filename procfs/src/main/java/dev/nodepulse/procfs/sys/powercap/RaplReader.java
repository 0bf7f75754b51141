package dev.nodepulse.procfs.sys.powercap;

import dev.nodepulse.procfs.io.SysfsAttributes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * /sys/class/powercap: every entry with a readable "name" is a zone; its max_energy_range_uj must be
 * readable too. energy_uj is read per scrape through {@link #energyMicrojoules}.
 */
public final class RaplReader {

    private RaplReader() {}

    /** @param powercap the sysfs directory class/powercap; missing: NoSuchFileException */
    public static List<RaplZone> zones(Path powercap) throws IOException {
        List<RaplZone> out = new ArrayList<>();
        Map<String, Integer> uses = new HashMap<>();
        for (String entry : SysfsAttributes.list(powercap)) {
            Path dir = powercap.resolve(entry);
            String raw;
            try {
                raw = new String(Files.readAllBytes(dir.resolve("name")), java.nio.charset.StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                continue;
            }
            String name = raw;
            int index = uses.getOrDefault(raw, 0);
            String[] parts = raw.split("-", -1);
            if (parts.length == 2) {
                try {
                    index = Integer.parseInt(parts[1]);
                    name = parts[0];
                } catch (NumberFormatException e) {
                    // no numeric suffix: keep the name, count repeats
                }
            }
            long max = SysfsAttributes.readUnsigned(dir.resolve("max_energy_range_uj"));
            out.add(new RaplZone(name, index, dir, max));
            uses.put(name, index + 1);
        }
        return List.copyOf(out);
    }

    /** The zone's energy counter in µJ (unsigned, as the raw 64 bits). */
    public static long energyMicrojoules(RaplZone zone) throws IOException {
        return SysfsAttributes.readUnsigned(zone.path().resolve("energy_uj"));
    }
}
