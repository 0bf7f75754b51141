package dev.nodepulse.procfs.proc;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.GoStrconv;

/** /proc/sys/fs/file-nr: three tab-separated numbers, "1024\t0\t1631329". */
public final class FileNrParser {

    private static final String SRC = "/proc/sys/fs/file-nr";

    private FileNrParser() {}

    public static FileNr parse(String text) throws ParseException {
        String[] parts = text.strip().split("\t", -1);
        if (parts.length < 3) {
            throw new ParseException(SRC + ": expected 3 tab-separated values: \"" + text.strip() + "\"");
        }
        return new FileNr(number(parts[0]), number(parts[2]));
    }

    private static double number(String s) throws ParseException {
        try {
            return GoStrconv.parseFloat(s);
        } catch (NumberFormatException e) {
            throw new ParseException(SRC + ": invalid value \"" + s + "\"");
        }
    }
}
