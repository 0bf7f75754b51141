package dev.nodepulse.procfs.proc;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.Lines;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The btrfs mounts of a /proc/&lt;pid&gt;/mountinfo file. Only the btrfs collector needs this (to find
 * filesystems it can ask for device statistics), so it reads just the fields that takes; the whole file is
 * checked the way node_exporter's mount parser checks it, and one malformed line rejects it.
 */
public final class BtrfsMountsParser {

    private static final Pattern MAJOR_MINOR = Pattern.compile("^[+-]?\\d+:[+-]?\\d+");

    private BtrfsMountsParser() {}

    public static List<BtrfsMount> parse(String text, String source) throws ParseException {
        List<BtrfsMount> out = new ArrayList<>();
        List<String> lines = Lines.of(text);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String[] f = line.split(" ", -1);
            int n = f.length;
            if (n < 10) {
                throw ParseException.badLine(source, i + 1, line, "too few fields");
            }
            if (!f[n - 4].equals("-")) {
                throw ParseException.badLine(source, i + 1, line, "no \"-\" separator before the last three fields");
            }
            if (!isInt(f[0]) || !isInt(f[1])) {
                throw ParseException.badLine(source, i + 1, line, "mount ids are not numbers");
            }
            if (!MAJOR_MINOR.matcher(f[2]).find()) {
                throw ParseException.badLine(source, i + 1, line, "malformed major:minor " + f[2]);
            }
            if (f[n - 3].equals("btrfs")) {
                out.add(new BtrfsMount(f[n - 2], f[4].replace("\\040", " ").replace("\\011", "\t")));
            }
        }
        return List.copyOf(out);
    }

    private static boolean isInt(String s) {
        try {
            Integer.parseInt(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
