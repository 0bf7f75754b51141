package dev.nodepulse.procfs.nfs;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.Lines;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The super-block options (last column) of each line of /proc/[pid]/mountinfo, in file order. mountstats
 * needs nothing else: the NFS server address ({@code addr=}) of the mount at the same position.
 *
 * <p>Lines are split on single spaces, as the procfs library does, so a line must have at least ten
 * fields with "-" fourth from the end. TODO(merge): the filesystem collector's full mountinfo parser reads
 * the same file; once both are merged, mountstats should take the super options from it and this class go.
 */
public final class MountSuperOptionsParser {

    private static final String SOURCE = "/proc/self/mountinfo";

    private MountSuperOptionsParser() {}

    public static List<Map<String, String>> parse(String text) throws ParseException {
        List<Map<String, String>> out = new ArrayList<>();
        List<String> lines = Lines.of(text);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String[] f = line.split(" ", -1);
            if (f.length < 10) {
                throw ParseException.badLine(SOURCE, i + 1, line, "too few fields");
            }
            if (!f[f.length - 4].equals("-")) {
                throw ParseException.badLine(SOURCE, i + 1, line, "no \"-\" separator before the file system type");
            }
            try {
                Integer.parseInt(f[0]);
                Integer.parseInt(f[1]);
            } catch (NumberFormatException e) {
                throw ParseException.badLine(SOURCE, i + 1, line, "mount or parent ID is not a number");
            }
            out.add(options(f[f.length - 1]));
        }
        return List.copyOf(out);
    }

    /** "rw,vers=4.0,addr=10.0.0.1" as a map; options without "=" map to "". */
    static Map<String, String> options(String s) {
        Map<String, String> m = new HashMap<>();
        for (String opt : s.split(",", -1)) {
            String[] kv = opt.split("=", -1);
            if (kv.length < 2) {
                m.put(kv[0], "");
            } else {
                m.put(kv[0], kv[1]);
            }
        }
        return Map.copyOf(m);
    }
}
