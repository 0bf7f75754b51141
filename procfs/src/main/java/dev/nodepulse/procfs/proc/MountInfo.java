package dev.nodepulse.procfs.proc;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of /proc/&lt;pid&gt;/mountinfo (proc(5)). Text fields are kept as the kernel wrote them, with its
 * octal escapes ({@code \040} for a space) still in place: callers decide which escapes to undo.
 */
public record MountInfo(int mountId, int parentId, int major, int minor, String root, String mountPoint,
                        List<String> options, List<String> optionalFields, String fsType, String source,
                        List<String> superOptions) {

    /** Whether the per-mount or the superblock options say read-only ({@code emergency_ro}: ext4 after errors). */
    public boolean readOnly() {
        return hasFlag(options, "ro") || hasFlag(superOptions, "ro") || hasFlag(superOptions, "emergency_ro");
    }

    /**
     * The superblock options as procfs' mountOptionsParser maps them: "k=v" as k to v (anything after a
     * second '=' dropped), a bare "k" as k to ""; a later duplicate key wins.
     */
    public Map<String, String> superOptionMap() {
        Map<String, String> m = new HashMap<>();
        for (String opt : superOptions) {
            String[] kv = opt.split("=", -1);
            m.put(kv[0], kv.length < 2 ? "" : kv[1]);
        }
        return Map.copyOf(m);
    }

    private static boolean hasFlag(List<String> opts, String flag) {
        for (String o : opts) {
            // "ro=" counts too: the option is a key with an empty value, as procfs reads it.
            if (o.equals(flag) || (o.length() == flag.length() + 1 && o.startsWith(flag) && o.endsWith("="))) {
                return true;
            }
        }
        return false;
    }
}
