package dev.nodepulse.procfs.proc;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.Lines;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * /proc/&lt;pid&gt;/mountinfo:
 * {@code 36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue}.
 * Fields are separated by single spaces (the kernel escapes spaces inside fields); a variable number of
 * optional fields ends at the lone "-". One malformed line fails the whole file, as procfs does.
 */
public final class MountinfoParser {

    private MountinfoParser() {}

    public static List<MountInfo> parse(String text, String source) throws ParseException {
        List<MountInfo> mounts = new ArrayList<>();
        List<String> lines = Lines.of(text);
        for (int i = 0; i < lines.size(); i++) {
            mounts.add(parseLine(lines.get(i), source, i + 1));
        }
        return mounts;
    }

    static MountInfo parseLine(String line, String source, int lineNumber) throws ParseException {
        String[] f = line.split(" ", -1);
        int n = f.length;
        if (n < 10) {
            throw ParseException.badLine(source, lineNumber, line, "too few fields");
        }
        if (!f[n - 4].equals("-")) {
            throw ParseException.badLine(source, lineNumber, line, "no \"-\" separator before the last three fields");
        }
        int mountId = integer(f[0], source, lineNumber, line, "mount ID");
        int parentId = integer(f[1], source, lineNumber, line, "parent ID");
        int colon = f[2].indexOf(':');
        if (colon < 0) {
            throw ParseException.badLine(source, lineNumber, line, "major:minor expected, got \"" + f[2] + "\"");
        }
        int major = integer(f[2].substring(0, colon), source, lineNumber, line, "major");
        int minor = integer(f[2].substring(colon + 1), source, lineNumber, line, "minor");
        List<String> optional = List.of(Arrays.copyOfRange(f, 6, n - 4));
        return new MountInfo(mountId, parentId, major, minor, f[3], f[4], options(f[5]), optional,
                f[n - 3], f[n - 2], options(f[n - 1]));
    }

    /**
     * Undoes the two escapes fstab(5) documents for mount points, space and tab, and no others (a
     * backslash stays "\134"), as node_exporter does.
     */
    public static String unescapeMountPoint(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        return s.replace("\\040", " ").replace("\\011", "\t");
    }

    private static List<String> options(String s) {
        return List.of(s.split(",", -1));
    }

    private static int integer(String s, String source, int lineNumber, String line, String what)
            throws ParseException {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw ParseException.badLine(source, lineNumber, line, what + " is not an integer: \"" + s + "\"");
        }
    }
}
