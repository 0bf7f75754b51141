package dev.nodepulse.procfs.proc;

import java.util.ArrayList;
import java.util.List;

/**
 * /proc/drbd (DRBD 8.x) read as node_exporter reads it: a stream of blank-separated words, where "N:"
 * starts device drbdN and every other "key:value" word belongs to the current device ("unknown" before the
 * first header). Words with no colon or more than one are ignored, so the version lines pass through.
 */
public final class DrbdParser {

    private DrbdParser() {}

    public static List<DrbdField> parse(String text) {
        List<DrbdField> out = new ArrayList<>();
        String device = "unknown";
        for (String word : text.split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            String[] kv = word.split(":", -1);
            if (kv.length != 2) {
                continue;
            }
            if (kv[1].isEmpty()) {
                String id = unsigned(kv[0]);
                if (id != null) {
                    device = "drbd" + id;
                    continue;
                }
            }
            out.add(new DrbdField(device, kv[0], kv[1]));
        }
        return List.copyOf(out);
    }

    private static String unsigned(String s) {
        try {
            return Long.toUnsignedString(dev.nodepulse.procfs.io.GoStrconv.parseUint(s, 10, 64));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
