package dev.nodepulse.cgroups.stats;

import java.nio.charset.StandardCharsets;

/**
 * The bytes of a small file as read, for parsers that scan them in place: a walk reads ~13 files per cgroup, and
 * a String (plus substrings and boxed values) per file was a visible share of its cost. {@link OpenFiles} hands
 * out one instance per thread, overwritten by that thread's next read: parse it before reading the next file.
 */
public final class FileBytes {

    byte[] data;
    int length;

    FileBytes(int capacity) {
        this.data = new byte[capacity];
    }

    private FileBytes(byte[] data) {
        this.data = data;
        this.length = data.length;
    }

    /** A file's text as bytes (ISO-8859-1: the kernel's files are ASCII), for tests and the String entry points. */
    public static FileBytes of(String text) {
        return new FileBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public int length() {
        return length;
    }

    /** Whether the file holds nothing but whitespace. */
    public boolean isBlank() {
        for (int i = 0; i < length; i++) {
            if (!isWhitespace(data[i])) {
                return false;
            }
        }
        return true;
    }

    /** The text between {@code from} and {@code to}, for error messages and the rare values kept as text. */
    String text(int from, int to) {
        return new String(data, from, to - from, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return text(0, length);
    }

    /** Whitespace as {@link String#strip()} sees it, for ASCII. */
    static boolean isWhitespace(byte b) {
        return b == ' ' || (b >= 9 && b <= 13) || (b >= 28 && b <= 31);
    }

    /** The index of {@code b} in data[from, to), or {@code to}. */
    static int indexOf(byte[] data, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (data[i] == b) {
                return i;
            }
        }
        return to;
    }

    /** Field separators as {@code Lines.fields} has them. */
    static boolean isFieldBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '\f' || b == 0x0b;
    }

    /** The first index at or after {@code i} (below {@code end}) that is not a field separator. */
    static int skipFieldBlanks(byte[] d, int i, int end) {
        while (i < end && isFieldBlank(d[i])) {
            i++;
        }
        return i;
    }

    /** The end of the field starting at {@code i}: the next field separator, or {@code end}. */
    static int fieldEnd(byte[] d, int i, int end) {
        while (i < end && !isFieldBlank(d[i])) {
            i++;
        }
        return i;
    }

    /** Whether d[from, to) begins with {@code prefix}. */
    static boolean startsWith(byte[] d, int from, int to, byte[] prefix) {
        if (to - from < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (d[from + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether d[from, to) is exactly {@code word}. */
    static boolean is(byte[] d, int from, int to, byte[] word) {
        return to - from == word.length && startsWith(d, from, to, word);
    }

    /** ASCII bytes of each string, for matching against file bytes. */
    static byte[][] ascii(String... s) {
        byte[][] b = new byte[s.length][];
        for (int i = 0; i < s.length; i++) {
            b[i] = s[i].getBytes(StandardCharsets.ISO_8859_1);
        }
        return b;
    }
}
