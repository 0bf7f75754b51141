package dev.nodepulse.procfs.etc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The process's local time zone, found as Go's time package finds it at start-up (so node_exporter and this
 * agent name the same zone): TZ unset means /etc/localtime; TZ="" or "UTC" means UTC; TZ=":x" is TZ="x"; an
 * absolute path is read as is; another name is looked up under $ZONEINFO and the system zoneinfo
 * directories. Anything that cannot be loaded falls back to UTC. Like Go, this is the agent's own view (in a
 * container, the container's /etc/localtime), not the host's through --path.rootfs.
 */
public final class LocalTimeZone {

    static final List<String> ZONE_DIRS = List.of("/usr/share/zoneinfo/", "/usr/share/lib/zoneinfo/",
            "/usr/lib/locale/TZ/", "/etc/zoneinfo/");

    private final Tzif zone;

    private LocalTimeZone(Tzif zone) {
        this.zone = zone;
    }

    /** From the real environment and file system. */
    public static LocalTimeZone load() {
        return load(System.getenv(), Path.of("/"));
    }

    /**
     * @param env the environment (TZ, ZONEINFO)
     * @param root where "/" is, for tests
     */
    public static LocalTimeZone load(Map<String, String> env, Path root) {
        String tz = env.get("TZ");
        List<Path> candidates = new ArrayList<>();
        if (tz == null) {
            candidates.add(resolve(root, "/etc/localtime"));
        } else {
            if (tz.startsWith(":")) {
                tz = tz.substring(1);
            }
            if (tz.startsWith("/")) {
                candidates.add(resolve(root, tz));
            } else if (!tz.isEmpty() && !tz.equals("UTC")) {
                String zoneinfo = env.get("ZONEINFO");
                if (zoneinfo != null && !zoneinfo.isEmpty()) {
                    candidates.add(resolve(root, zoneinfo).resolve(tz));
                }
                for (String dir : ZONE_DIRS) {
                    candidates.add(resolve(root, dir + tz));
                }
            }
        }
        for (Path p : candidates) {
            try {
                return new LocalTimeZone(TzifParser.parse(Files.readAllBytes(p), p.toString()));
            } catch (IOException | RuntimeException e) {
                // Not there or not a zone file: Go tries the next place, then settles for UTC.
            }
        }
        return new LocalTimeZone(null);
    }

    private static Path resolve(Path root, String absolute) {
        String rel = absolute.startsWith("/") ? absolute.substring(1) : absolute;
        return rel.isEmpty() ? root : root.resolve(rel);
    }

    /** Whether a zone file was loaded (false: UTC by fallback). */
    public boolean loaded() {
        return zone != null;
    }

    public ZoneName at(long epochSeconds) {
        return zone == null ? ZoneName.UTC : zone.at(epochSeconds);
    }
}
