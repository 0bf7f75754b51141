package dev.nodepulse.procfs.sys.tape;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.GoStrconv;
import dev.nodepulse.procfs.io.SysfsAttributes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * /sys/class/scsi_tape: only the st&lt;N&gt; devices (not the nst/stNa variants that share their counters);
 * every file of their stats/ directory must be readable and numeric.
 */
public final class TapeStatsReader {

    private static final Pattern DEVICE = Pattern.compile("st\\d+");

    private TapeStatsReader() {}

    /** @param classDir the sysfs directory class/scsi_tape; missing: NoSuchFileException */
    public static List<TapeStats> read(Path classDir) throws IOException {
        List<TapeStats> out = new ArrayList<>();
        for (String name : SysfsAttributes.list(classDir)) {
            if (!DEVICE.matcher(name).matches()) {
                continue;
            }
            Path stats = classDir.resolve(name).resolve("stats");
            Map<String, Long> v = new HashMap<>();
            for (String file : SysfsAttributes.list(stats)) {
                String s = SysfsAttributes.read(stats.resolve(file));
                try {
                    v.put(file, GoStrconv.parseUint(s, 0, 64));
                } catch (NumberFormatException e) {
                    throw new ParseException(stats.resolve(file) + ": not an unsigned integer: \"" + s + "\"");
                }
            }
            out.add(new TapeStats(name, get(v, "in_flight"), get(v, "io_ns"), get(v, "other_cnt"),
                    get(v, "read_byte_cnt"), get(v, "read_cnt"), get(v, "read_ns"), get(v, "resid_cnt"),
                    get(v, "write_byte_cnt"), get(v, "write_cnt"), get(v, "write_ns")));
        }
        return List.copyOf(out);
    }

    private static long get(Map<String, Long> v, String key) {
        return v.getOrDefault(key, 0L);
    }
}
