package dev.nodepulse.procfs.sys;

import dev.nodepulse.procfs.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The kernel's CPU list format ("0-2,5,7-8", cpulist_parse) used by /sys/devices/system/cpu/{isolated,
 * offline,online}. Empty text is an empty list.
 */
public final class CpuRange {

    private CpuRange() {}

    /** The CPUs listed, in the order written; ranges expanded. */
    public static List<Integer> parse(String text, String source) throws ParseException {
        String s = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        List<Integer> cpus = new ArrayList<>();
        for (String part : s.split(",", -1)) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.contains("-")) {
                String[] ends = part.split("-", -1);
                if (ends.length != 2) {
                    throw new ParseException(source + ": invalid cpu range: \"" + part + "\"");
                }
                int start = number(ends[0], source, "invalid cpu start range");
                int end = number(ends[1], source, "invalid cpu end range");
                for (int i = start; i <= end; i++) {
                    cpus.add(i);
                }
                continue;
            }
            cpus.add(number(part, source, "invalid cpu"));
        }
        return cpus;
    }

    private static int number(String s, String source, String what) throws ParseException {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new ParseException(source + ": " + what + ": \"" + s + "\"");
        }
    }
}
