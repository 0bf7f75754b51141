package dev.nodepulse.procfs.sys.watchdog;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.GoStrconv;
import dev.nodepulse.procfs.io.SysfsAttributes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** /sys/class/watchdog/*: optional attributes; numbers in C syntax (0x.., 0..), an unparsable one fails. */
public final class WatchdogReader {

    private WatchdogReader() {}

    /** @param classDir the sysfs directory class/watchdog; missing: NoSuchFileException */
    public static List<Watchdog> read(Path classDir) throws IOException {
        List<Watchdog> out = new ArrayList<>();
        for (String name : SysfsAttributes.list(classDir)) {
            Path d = classDir.resolve(name);
            out.add(new Watchdog(name, number(d, "bootstatus"), text(d, "options"), number(d, "fw_version"),
                    text(d, "identity"), number(d, "nowayout"), text(d, "state"), text(d, "status"),
                    number(d, "timeleft"), number(d, "timeout"), number(d, "pretimeout"),
                    text(d, "pretimeout_governor"), number(d, "access_cs0")));
        }
        return List.copyOf(out);
    }

    private static String text(Path dir, String attr) throws IOException {
        return SysfsAttributes.readIfExists(dir.resolve(attr));
    }

    private static Long number(Path dir, String attr) throws IOException {
        String s = text(dir, attr);
        if (s == null) {
            return null;
        }
        try {
            return GoStrconv.parseInt(s, 0, 64);
        } catch (NumberFormatException e) {
            throw new ParseException(dir.resolve(attr) + ": not an integer: \"" + s + "\"");
        }
    }
}
