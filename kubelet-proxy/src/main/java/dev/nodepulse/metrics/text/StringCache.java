package dev.nodepulse.metrics.text;

import java.nio.charset.StandardCharsets;

/**
 * Decoded strings of one parse, so a label name or value that repeats (every sample of a pod carries the same
 * namespace and pod) is decoded once and shared. Direct-mapped by a hash of the bytes: a miss just decodes.
 * Input must already be valid UTF-8.
 */
final class StringCache {

    private static final int SLOTS = 1024;
    /** Long strings (HELP-like label values) are rarely repeated; not worth comparing. */
    private static final int MAX_CACHED = 96;

    private final String[] strings = new String[SLOTS];
    private final byte[][] bytes = new byte[SLOTS][];

    String get(byte[] b, int from, int to) {
        int n = to - from;
        if (n == 0) {
            return "";
        }
        if (n > MAX_CACHED) {
            return decode(b, from, to);
        }
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
        byte[] k = bytes[slot];
        if (k != null && k.length == n && java.util.Arrays.equals(k, 0, n, b, from, to)) {
            return strings[slot];
        }
        String s = decode(b, from, to);
        byte[] copy = new byte[n];
        System.arraycopy(b, from, copy, 0, n);
        bytes[slot] = copy;
        strings[slot] = s;
        return s;
    }

    private static String decode(byte[] b, int from, int to) {
        return Utf8.isAscii(b, from, to)
                ? new String(b, from, to - from, StandardCharsets.ISO_8859_1)
                : new String(b, from, to - from, StandardCharsets.UTF_8);
    }
}
