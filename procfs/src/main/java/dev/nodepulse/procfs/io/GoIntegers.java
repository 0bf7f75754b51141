package dev.nodepulse.procfs.io;

/**
 * Integer text read the way Go's strconv.ParseInt(s, 0, 64) reads it, which several procfs parsers
 * upstream use: an optional sign, then a base prefix (0x, 0o, 0b, or a bare leading 0 for octal) and
 * underscores between digits. Kernel files print plain decimal, so this matters only for odd input, but
 * it keeps such input accepted or rejected exactly as node_exporter does.
 */
public final class GoIntegers {

    private GoIntegers() {}

    /** The value, or throws NumberFormatException like Go's ErrSyntax / ErrRange. */
    public static long parseBase0(String s) {
        if (s.isEmpty()) {
            throw new NumberFormatException("empty");
        }
        boolean negative = false;
        int i = 0;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        String body = s.substring(i);
        int radix = 10;
        boolean prefixed = false;
        if (body.length() > 1 && body.charAt(0) == '0') {
            char p = Character.toLowerCase(body.charAt(1));
            if (p == 'x') {
                radix = 16;
                body = body.substring(2);
            } else if (p == 'o') {
                radix = 8;
                body = body.substring(2);
            } else if (p == 'b') {
                radix = 2;
                body = body.substring(2);
            } else {
                radix = 8;
                body = body.substring(1);
            }
            prefixed = true;
        }
        if (body.contains("_")) {
            // Go allows underscores only after a base prefix, each one between two digits (or the prefix).
            if (!prefixed || body.endsWith("_") || body.contains("__")) {
                throw new NumberFormatException("misplaced underscore: " + s);
            }
            body = body.replace("_", "");
        }
        if (body.isEmpty() || body.charAt(0) == '+' || body.charAt(0) == '-') {
            throw new NumberFormatException("invalid syntax: " + s);
        }
        // Long.parseLong handles the range check, including the one extra negative value.
        return Long.parseLong(negative ? "-" + body : body, radix);
    }
}
