package dev.nodepulse.procfs;

import java.io.IOException;

/** Input that is present but not in the shape the kernel documents. Carries the file and the offending line. */
public class ParseException extends IOException {

    public ParseException(String message) {
        super(message);
    }

    public ParseException(String message, Throwable cause) {
        super(message, cause);
    }

    public static ParseException badLine(String source, int lineNumber, String line, String why) {
        return new ParseException(source + ":" + lineNumber + ": " + why + ": \"" + abbreviate(line) + "\"");
    }

    private static String abbreviate(String line) {
        return line.length() <= 120 ? line : line.substring(0, 117) + "...";
    }
}
