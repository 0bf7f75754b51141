package dev.nodepulse.agent.cadvisor;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer for writing Prometheus text exposition directly, without building a snapshot object
 * per sample: at 300 containers /metrics/cadvisor has ~20,000 series, and per-sample objects would cost more
 * than reading the cgroups. Numbers are written the way Go's client_golang writes them (strconv 'g', shortest),
 * so the body reads like the kubelet's.
 */
final class TextBuffer {

    private byte[] buf;
    private int len;
    /** Where full buffers go when streaming; null keeps everything in memory. */
    private OutputStream sink;
    private long flushed;

    TextBuffer(int initial) {
        buf = new byte[Math.max(1024, initial)];
    }

    /** Empties the buffer, keeping its capacity and its sink. */
    TextBuffer reset() {
        len = 0;
        flushed = 0;
        return this;
    }

    /** Stops streaming: the buffer keeps what is written from now on. */
    TextBuffer detach() {
        sink = null;
        return this;
    }

    /** Streams to {@code out}: {@link #maybeFlush} hands over what was written once it passes {@link #FLUSH_AT}. */
    TextBuffer streamTo(OutputStream out) {
        this.sink = out;
        return this;
    }

    static final int FLUSH_AT = 256 * 1024;

    /**
     * Sends the buffered text to the sink when it has grown past {@link #FLUSH_AT}, so a body of tens of MiB (1000
     * containers) never sits in the heap whole. Callers only flush at points they will not truncate back past.
     */
    void maybeFlush() {
        if (sink != null && len >= FLUSH_AT) {
            try {
                writeTo(sink);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            flushed += len;
            len = 0;
        }
    }

    /** Bytes written so far, flushed ones included. */
    long total() {
        return flushed + len;
    }

    int capacity() {
        return buf.length;
    }

    int size() {
        return len;
    }

    /** Drops everything written after {@code size} (a family header whose family had no sample). */
    void truncate(int size) {
        len = size;
    }

    /**
     * Writes in 64 KiB pieces: the JDK HTTP server copies each write into a fresh ByteBuffer of the write's size,
     * so one write of a multi-MiB body would allocate that much again per scrape (and cost full GCs).
     */
    void writeTo(OutputStream out) throws IOException {
        for (int off = 0; off < len; off += CHUNK) {
            out.write(buf, off, Math.min(CHUNK, len - off));
        }
    }

    private static final int CHUNK = 64 * 1024;

    byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }

    TextBuffer ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[len++] = (byte) s.charAt(i);
        }
        return this;
    }

    TextBuffer bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
        return this;
    }

    TextBuffer ch(char c) {
        ensure(1);
        buf[len++] = (byte) c;
        return this;
    }

    TextBuffer longValue(long v) {
        if (v == Long.MIN_VALUE) {
            return ascii(Long.toString(v));
        }
        ensure(20);
        if (v < 0) {
            buf[len++] = '-';
            v = -v;
        }
        int start = len;
        do {
            buf[len++] = (byte) ('0' + (v % 10));
            v /= 10;
        } while (v > 0);
        for (int i = start, j = len - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
        return this;
    }

    /** A label value escaped as the text format requires (backslash, double quote, newline), UTF-8. */
    static byte[] escapeLabel(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '"' || c == '\n') {
                if (b == null) {
                    b = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                b.append('\\').append(c == '\n' ? 'n' : c);
            } else if (b != null) {
                b.append(c);
            }
        }
        return (b == null ? s : b.toString()).getBytes(StandardCharsets.UTF_8);
    }

    /** HELP text escaping: backslash and newline. */
    static String escapeHelp(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n");
    }

    /** A sample value formatted like Go's strconv.FormatFloat(v, 'g', -1, 64). */
    TextBuffer value(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            long l = (long) v;
            if (Math.abs(l) < 1_000_000) {
                if (l == 0 && 1 / v < 0) {
                    return ascii("-0");
                }
                return longValue(l);
            }
            return exponent(Long.toString(Math.abs(l)), l < 0, Long.toString(Math.abs(l)).length());
        }
        return ascii(formatG(v));
    }

    /** %e form of an integer's digits: d.ddde+XX with trailing zeros dropped. */
    private TextBuffer exponent(String digits, boolean negative, int dp) {
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        if (negative) {
            ch('-');
        }
        ch(digits.charAt(0));
        if (end > 1) {
            ch('.');
            ascii(digits.substring(1, end));
        }
        int exp = dp - 1;
        ch('e').ch(exp < 0 ? '-' : '+');
        int a = Math.abs(exp);
        if (a < 10) {
            ch('0');
        }
        return longValue(a);
    }

    static String formatG(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == 0) {
            return 1 / v < 0 ? "-0" : "0";
        }
        // Shortest round-trip digits from Double.toString, then Go's %g layout: with the shortest precision Go
        // uses %e when the decimal exponent is below -4 or at least 6 (so 268435456 is "2.68435456e+08").
        String s = Double.toString(Math.abs(v));
        String mantissa = s;
        int exp10 = 0;
        int e = s.indexOf('E');
        if (e >= 0) {
            mantissa = s.substring(0, e);
            exp10 = Integer.parseInt(s.substring(e + 1));
        }
        int dot = mantissa.indexOf('.');
        String intPart = dot < 0 ? mantissa : mantissa.substring(0, dot);
        String frac = dot < 0 ? "" : mantissa.substring(dot + 1);
        String digits = intPart + frac;
        int dp = intPart.length() + exp10;
        int lead = 0;
        while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
            lead++;
            dp--;
        }
        digits = digits.substring(lead);
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        digits = digits.substring(0, end);
        StringBuilder out = new StringBuilder(24);
        if (v < 0) {
            out.append('-');
        }
        int exp = dp - 1;
        if (exp < -4 || exp >= 6) {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            out.append('e').append(exp < 0 ? '-' : '+');
            int a = Math.abs(exp);
            if (a < 10) {
                out.append('0');
            }
            out.append(a);
        } else if (dp <= 0) {
            out.append("0.");
            for (int i = 0; i < -dp; i++) {
                out.append('0');
            }
            out.append(digits);
        } else if (dp >= digits.length()) {
            out.append(digits);
            for (int i = digits.length(); i < dp; i++) {
                out.append('0');
            }
        } else {
            out.append(digits, 0, dp).append('.').append(digits, dp, digits.length());
        }
        return out.toString();
    }
}
