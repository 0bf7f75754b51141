package dev.nodepulse.procfs.proc;

import java.util.List;

/**
 * /etc/selinux/config and the selinuxfs files that tell whether SELinux is on, read as the go-selinux library
 * node_exporter uses reads them. Modes are -1 disabled, 0 permissive, 1 enforcing.
 */
public final class SelinuxConfigParser {

    private SelinuxConfigParser() {}

    /** The value of KEY=value in the config file (quotes removed), or "" when absent. */
    public static String value(String configText, String key) {
        for (String raw : configText.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.charAt(0) == ';' || line.charAt(0) == '#') {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq >= 0 && line.substring(0, eq).equals(key)) {
                return trimQuotes(line.substring(eq + 1));
            }
        }
        return "";
    }

    /** The boot-time mode the config file's SELINUX= line names. */
    public static int defaultMode(String configText) {
        switch (value(configText, "SELINUX")) {
            case "enforcing":
                return 1;
            case "permissive":
                return 0;
            default:
                return -1;
        }
    }

    /** selinuxfs' "enforce" file: "1" or "0"; anything else (or nothing) counts as -1. */
    public static int enforceMode(String enforceText) {
        try {
            return Integer.parseInt(enforceText);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Mount points of selinuxfs, as the kernel wrote them (escapes kept), in mount table order. */
    public static List<String> selinuxfsMounts(List<MountInfo> mounts) {
        List<String> out = new java.util.ArrayList<>();
        for (MountInfo m : mounts) {
            if (m.fsType().equals("selinuxfs")) {
                out.add(m.mountPoint());
            }
        }
        return out;
    }

    private static String trimQuotes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '"') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '"') {
            end--;
        }
        return s.substring(start, end);
    }
}
