package dev.nodepulse.procfs.proc;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.GoStrconv;
import dev.nodepulse.procfs.io.Lines;
import java.nio.file.Path;

/** A file under /proc/sys: its blank-separated values, as words or as integers. */
public final class SysctlParser {

    private SysctlParser() {}

    /** "fs.file-nr" → &lt;procfs&gt;/sys/fs/file-nr. Dots separate path elements. */
    public static Path path(Path procfs, String sysctl) {
        return procfs.resolve("sys").resolve(sysctl.replace('.', '/'));
    }

    public static String[] words(String text) {
        return Lines.fields(text);
    }

    /** Every value as an integer (decimal, or with Go's 0x/0o/0b prefixes); one that is not is an error. */
    public static long[] integers(String text, String sysctl) throws ParseException {
        String[] w = words(text);
        long[] out = new long[w.length];
        for (int i = 0; i < w.length; i++) {
            try {
                out[i] = GoStrconv.parseInt(w[i], 0, 64);
            } catch (NumberFormatException e) {
                throw new ParseException("field " + i + " in sysctl " + sysctl + " is not a valid int: \"" + w[i] + "\"");
            }
        }
        return out;
    }
}
