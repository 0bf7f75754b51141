package dev.nodepulse.metrics.text;

import java.io.IOException;

/**
 * Input the text format does not allow. The message reads like client_golang's
 * ({@code text format parsing error in line 3: ...}) so operators recognise it; {@link #line()} is 1-based.
 */
public final class TextParseException extends IOException {

    private final int line;
    private final String detail;

    TextParseException(int line, String detail) {
        super("text format parsing error in line " + line + ": " + detail);
        this.line = line;
        this.detail = detail;
    }

    public int line() {
        return line;
    }

    /** The message without the line prefix. */
    public String detail() {
        return detail;
    }
}
