package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.agent.collector.NoDataException;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.etc.OsRelease;
import dev.nodepulse.procfs.etc.OsReleaseParser;
import dev.nodepulse.procfs.io.SmallFiles;
import java.nio.file.NoSuchFileException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * node_os_info, node_os_version and node_os_support_end_timestamp_seconds from the first of
 * {@code <rootfs>/etc/os-release} and {@code <rootfs>/usr/lib/os-release} that exists, read on every
 * scrape. Neither existing is "no data"; a file that exists but cannot be read or parsed is an error.
 */
public final class OsCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("os", true, ctx -> new OsCollector(ctx.paths()));

    static final List<String> FILES = List.of("/etc/os-release", "/usr/lib/os-release");

    /** The leading "major[.minor]" of VERSION_ID. */
    private static final Pattern VERSION = Pattern.compile("^[0-9]+\\.?[0-9]*");
    private static final DateTimeFormatter DATE_ONLY =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private final HostPaths paths;

    public OsCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        OsRelease os = null;
        for (String file : FILES) {
            try {
                os = OsReleaseParser.parse(SmallFiles.read(paths.root(file)), paths.root(file).toString());
                break;
            } catch (NoSuchFileException e) {
                // try the next one
            }
        }
        if (os == null) {
            throw new NoDataException("no os-release file found: " + String.join(",", FILES));
        }
        double version = version(os.get("VERSION_ID"));
        String supportEnd = os.get("SUPPORT_END");
        long supportEndSeconds = supportEnd.isEmpty() ? 0 : supportEnd(supportEnd);

        sink.gauge("node_os_info", "A metric with a constant '1' value labeled by build_id, id, id_like, image_id, "
                        + "image_version, name, pretty_name, variant, variant_id, version, version_codename, version_id.",
                "build_id", "id", "id_like", "image_id", "image_version", "name", "pretty_name", "variant",
                "variant_id", "version", "version_codename", "version_id")
                .add(1, os.get("BUILD_ID"), os.get("ID"), os.get("ID_LIKE"), os.get("IMAGE_ID"), os.get("IMAGE_VERSION"),
                        os.get("NAME"), os.get("PRETTY_NAME"), os.get("VARIANT"), os.get("VARIANT_ID"),
                        os.get("VERSION"), os.get("VERSION_CODENAME"), os.get("VERSION_ID"));
        if (version > 0) {
            sink.gauge("node_os_version", "Metric containing the major.minor part of the OS version.",
                    "id", "id_like", "name").add(version, os.get("ID"), os.get("ID_LIKE"), os.get("NAME"));
        }
        if (!supportEnd.isEmpty()) {
            sink.gauge("node_os_support_end_timestamp_seconds",
                    "Metric containing the end-of-life date timestamp of the OS.").add(supportEndSeconds);
        }
    }

    /** The leading major[.minor] of VERSION_ID as a number; 0 when it does not start with a digit. */
    static double version(String versionId) {
        Matcher m = VERSION.matcher(versionId);
        return m.find() ? Double.parseDouble(m.group()) : 0;
    }

    /** SUPPORT_END (YYYY-MM-DD) as the Unix time of that day's start in UTC. */
    static long supportEnd(String date) throws ParseException {
        try {
            return LocalDate.parse(date, DATE_ONLY).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        } catch (DateTimeParseException e) {
            throw new ParseException("os-release SUPPORT_END: not a YYYY-MM-DD date: \"" + date + "\"");
        }
    }
}
