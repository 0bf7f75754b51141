package dev.nodepulse.procfs.etc;

import dev.nodepulse.procfs.ParseException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * os-release(5), read as node_exporter reads it (hashicorp/go-envparse v0.1.0): {@code KEY=value} lines,
 * blank lines and {@code #} comment lines skipped; an optional {@code export } prefix; keys
 * {@code [A-Za-z_][A-Za-z0-9_./]*}; values unquoted, 'single quoted' or "double quoted" (JSON escapes
 * {@code \" \\ \/ \b \f \n \r \t \\uXXXX} inside double quotes), pieces concatenated, a {@code #} outside quotes
 * starts a comment. Control characters in a value, unbalanced quotes and a line without '=' are errors, and
 * one bad line fails the whole file.
 */
public final class OsReleaseParser {

    private OsReleaseParser() {}

    public static OsRelease parse(String text, String source) throws ParseException {
        Map<String, String> values = new HashMap<>();
        int lineNumber = 0;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            lineNumber++;
            String line = text.substring(start, end);
            start = end + 1;
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            String[] kv = parseLine(line, source, lineNumber);
            if (kv != null) {
                values.put(kv[0], kv[1]);
            }
        }
        return new OsRelease(values);
    }

    /** {key, value}, or null for a blank or comment line. */
    static String[] parseLine(String raw, String source, int lineNumber) throws ParseException {
        String line = raw.strip();
        if (line.isEmpty() || line.charAt(0) == '#') {
            return null;
        }
        int eq = line.indexOf('=');
        if (eq < 0) {
            throw ParseException.badLine(source, lineNumber, raw, "missing =");
        }
        String key = line.substring(0, eq).strip();
        String value = line.substring(eq + 1).strip();
        if (key.length() > "export ".length() && key.startsWith("export ")) {
            key = key.substring("export ".length());
        }
        if (key.isEmpty()) {
            throw ParseException.badLine(source, lineNumber, raw, "empty key");
        }
        char first = key.charAt(0);
        if (!((first >= 'A' && first <= 'Z') || (first >= 'a' && first <= 'z') || first == '_')) {
            throw ParseException.badLine(source, lineNumber, raw, "key must start with [A-Za-z_]");
        }
        for (int i = 1; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '.' || c == '/')) {
                throw ParseException.badLine(source, lineNumber, raw, "key characters must be [A-Za-z0-9/_.]");
            }
        }
        return new String[] {key, value(value, source, lineNumber, raw)};
    }

    private enum Mode { NORMAL, DOUBLE, SINGLE, ESCAPE }

    private static String value(String value, String source, int lineNumber, String raw) throws ParseException {
        // Work on UTF-8 bytes like the Go original: bytes >= 0x80 pass through untouched.
        byte[] in = value.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[in.length * 2 + 4];
        int n = 0;
        int lastSignificant = 0;
        Mode mode = Mode.NORMAL;
        for (int i = 0; i < in.length; i++) {
            int c = in[i] & 0xff;
            if (c < 32) {
                throw ParseException.badLine(source, lineNumber, raw,
                        String.format("0x%02x is an invalid value character", c));
            }
            if (c > 127) {
                if (mode == Mode.ESCAPE) {
                    throw ParseException.badLine(source, lineNumber, raw,
                            "multibyte characters disallowed in escape sequences");
                }
                out[n++] = (byte) c;
                lastSignificant = n;
                continue;
            }
            switch (mode) {
                case NORMAL -> {
                    if (c == '"') {
                        mode = Mode.DOUBLE;
                    } else if (c == '\'') {
                        mode = Mode.SINGLE;
                    } else if (c == '#') {
                        return new String(out, 0, lastSignificant, StandardCharsets.UTF_8);
                    } else {
                        out[n++] = (byte) c;
                        if (c != ' ') {
                            lastSignificant = n;
                        }
                    }
                }
                case DOUBLE -> {
                    if (c == '"') {
                        mode = Mode.NORMAL;
                    } else if (c == '\\') {
                        mode = Mode.ESCAPE;
                    } else {
                        out[n++] = (byte) c;
                        lastSignificant = n;
                    }
                }
                case SINGLE -> {
                    if (c == '\'') {
                        mode = Mode.NORMAL;
                    } else {
                        out[n++] = (byte) c;
                        lastSignificant = n;
                    }
                }
                case ESCAPE -> {
                    switch (c) {
                        case '"', '\\', '/' -> out[n++] = (byte) c;
                        case 'b' -> out[n++] = '\b';
                        case 'f' -> out[n++] = '\f';
                        case 'r' -> out[n++] = '\r';
                        case 'n' -> out[n++] = '\n';
                        case 't' -> out[n++] = '\t';
                        case 'u' -> {
                            int cp = hex4(in, i + 1, source, lineNumber, raw);
                            i += 4;
                            if (cp >= 0xd800 && cp <= 0xdfff) {
                                if (in.length < i + 7 || in[i + 1] != '\\' || in[i + 2] != 'u') {
                                    throw ParseException.badLine(source, lineNumber, raw,
                                            "incomplete Unicode surrogate pair");
                                }
                                int low = hex4(in, i + 3, source, lineNumber, raw);
                                i += 6;
                                cp = Character.isSurrogatePair((char) cp, (char) low)
                                        ? Character.toCodePoint((char) cp, (char) low) : 0xfffd;
                            }
                            byte[] enc = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                            System.arraycopy(enc, 0, out, n, enc.length);
                            n += enc.length;
                        }
                        default -> throw ParseException.badLine(source, lineNumber, raw,
                                "invalid escape sequence: \\" + (char) c);
                    }
                    lastSignificant = n;
                    mode = Mode.DOUBLE;
                }
                default -> throw new IllegalStateException();
            }
        }
        return switch (mode) {
            case NORMAL -> new String(out, 0, n, StandardCharsets.UTF_8);
            case DOUBLE -> throw ParseException.badLine(source, lineNumber, raw, "unmatched \"");
            case SINGLE -> throw ParseException.badLine(source, lineNumber, raw, "unmatched '");
            case ESCAPE -> throw ParseException.badLine(source, lineNumber, raw, "incomplete escape sequence");
        };
    }

    private static int hex4(byte[] in, int from, String source, int lineNumber, String raw) throws ParseException {
        if (in.length - from < 4) {
            throw ParseException.badLine(source, lineNumber, raw, "incomplete hex sequence");
        }
        int v = 0;
        for (int k = 0; k < 4; k++) {
            int d = Character.digit(in[from + k], 16);
            if (d < 0) {
                throw ParseException.badLine(source, lineNumber, raw, "invalid hex character");
            }
            v = v * 16 + d;
        }
        return v;
    }
}
