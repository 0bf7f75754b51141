package dev.nodepulse.procfs.sys.fibrechannel;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.GoStrconv;
import dev.nodepulse.procfs.io.SysfsAttributes;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * /sys/class/fc_host/*: optional attributes, and the statistics/ counters (hex numbers). Write-only and
 * unsupported statistics files are skipped; a missing statistics/ directory gives no counters.
 */
public final class FcHostReader {

    private FcHostReader() {}

    /** @param classDir the sysfs directory class/fc_host; missing: NoSuchFileException */
    public static List<FcHost> read(Path classDir) throws IOException {
        List<FcHost> out = new ArrayList<>();
        for (String name : SysfsAttributes.list(classDir)) {
            Path d = classDir.resolve(name);
            out.add(new FcHost(name, text(d, "speed"), text(d, "port_state"), text(d, "port_type"),
                    wwn(d, "node_name"), wwn(d, "port_id"), wwn(d, "port_name"), wwn(d, "fabric_name"),
                    text(d, "dev_loss_tmo"), text(d, "symbolic_name"), text(d, "supported_classes"),
                    text(d, "supported_speeds"), counters(d.resolve("statistics"))));
        }
        return List.copyOf(out);
    }

    private static String text(Path dir, String attr) throws IOException {
        return SysfsAttributes.readIfExists(dir.resolve(attr));
    }

    private static String wwn(Path dir, String attr) throws IOException {
        String v = text(dir, attr);
        return v != null && v.length() > 2 ? v.substring(2) : v;
    }

    private static FcHost.Counters counters(Path stats) throws IOException {
        Map<String, Long> v = new HashMap<>();
        List<String> files;
        try {
            files = SysfsAttributes.list(stats);
        } catch (NoSuchFileException e) {
            files = List.of();
        }
        for (String file : files) {
            Path p = stats.resolve(file);
            if (!SysfsAttributes.isRegularFile(p) || file.equals("reset_statistics")) {
                continue;
            }
            String s;
            try {
                s = SysfsAttributes.read(p);
            } catch (IOException e) {
                if (SysfsAttributes.isUnsupportedRead(e)) {
                    continue;
                }
                throw e;
            }
            if (!KNOWN.contains(file)) {
                continue;
            }
            try {
                v.put(file, GoStrconv.parseUint(s, 0, 64));
            } catch (NumberFormatException e) {
                throw new ParseException(p + ": not an unsigned integer: \"" + s + "\"");
            }
        }
        return new FcHost.Counters(v.get("dumped_frames"), v.get("error_frames"), v.get("invalid_crc_count"),
                v.get("rx_frames"), v.get("rx_words"), v.get("tx_frames"), v.get("tx_words"),
                v.get("seconds_since_last_reset"), v.get("invalid_tx_word_count"), v.get("link_failure_count"),
                v.get("loss_of_sync_count"), v.get("loss_of_signal_count"), v.get("nos_count"),
                v.get("fcp_packet_aborts"));
    }

    private static final java.util.Set<String> KNOWN = java.util.Set.of("dumped_frames", "error_frames",
            "invalid_crc_count", "rx_frames", "rx_words", "tx_frames", "tx_words", "seconds_since_last_reset",
            "invalid_tx_word_count", "link_failure_count", "loss_of_sync_count", "loss_of_signal_count", "nos_count",
            "fcp_packet_aborts");
}
