package dev.nodepulse.procfs.io;

import java.util.ArrayList;
import java.util.List;

/** Splitting helpers for kernel text: lines, and fields separated by runs of blanks. */
public final class Lines {

    private Lines() {}

    /** Lines of a text, without terminators; a trailing newline does not produce an empty last line. */
    public static List<String> of(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int n = text.length();
        while (start < n) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            lines.add(text.substring(start, end));
            start = end + 1;
        }
        return lines;
    }

    /** Fields separated by spaces and tabs, like Go's strings.Fields for ASCII input. */
    public static String[] fields(String line) {
        int n = line.length();
        int count = 0;
        boolean inField = false;
        for (int i = 0; i < n; i++) {
            boolean blank = isBlank(line.charAt(i));
            if (!blank && !inField) {
                count++;
            }
            inField = !blank;
        }
        String[] out = new String[count];
        int k = 0;
        int i = 0;
        while (i < n) {
            while (i < n && isBlank(line.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            while (i < n && !isBlank(line.charAt(i))) {
                i++;
            }
            out[k++] = line.substring(start, i);
        }
        return out;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == 0x0b;
    }
}
