package dev.nodepulse.json;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Streams JSON the way Go's encoding/json writes it, so documents built here read byte for byte like the
 * kubelet's: HTML-sensitive characters escaped as {@code \u003c}, {@code \u003e}, {@code \u0026}, unsigned
 * 64-bit integers, floats in Go's shortest form, and optionally go-restful's pretty layout (one space per
 * level, {@code "key": value}), which the kubelet's stats handler uses.
 */
public final class JsonWriter {

    private static final DateTimeFormatter RFC3339_SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final StringBuilder out;
    private final boolean pretty;
    /** Per nesting level: whether the container has had an element yet. */
    private boolean[] hasElement = new boolean[16];
    private int depth;
    private boolean afterName;
    /** Documents repeat a handful of sample times; format each second once. */
    private long lastSecond = Long.MIN_VALUE;
    private String lastTime;

    public JsonWriter(StringBuilder out, boolean pretty) {
        this.out = out;
        this.pretty = pretty;
    }

    public JsonWriter beginObject() {
        return open('{');
    }

    public JsonWriter endObject() {
        return close('}');
    }

    public JsonWriter beginArray() {
        return open('[');
    }

    public JsonWriter endArray() {
        return close(']');
    }

    public JsonWriter name(String name) {
        separate();
        string(name);
        out.append(pretty ? ": " : ":");
        afterName = true;
        return this;
    }

    public JsonWriter value(String s) {
        separate();
        if (s == null) {
            out.append("null");
        } else {
            string(s);
        }
        return this;
    }

    /** An unsigned 64-bit integer (Go's uint64): negative longs stand for values above 2^63-1. */
    public JsonWriter unsigned(long v) {
        separate();
        out.append(Long.toUnsignedString(v));
        return this;
    }

    public JsonWriter signed(long v) {
        separate();
        out.append(v);
        return this;
    }

    public JsonWriter bool(boolean v) {
        separate();
        out.append(v);
        return this;
    }

    public JsonWriter nullValue() {
        separate();
        out.append("null");
        return this;
    }

    /** A float64 as Go's encoding/json formats it; NaN and infinities have no JSON form and are refused. */
    public JsonWriter number(double v) {
        separate();
        out.append(formatFloat(v));
        return this;
    }

    /** A metav1.Time: RFC 3339 in UTC truncated to whole seconds, and {@code null} for the zero time. */
    public JsonWriter time(Instant t) {
        separate();
        if (t == null) {
            out.append("null");
        } else {
            long second = t.getEpochSecond();
            if (second != lastSecond) {
                lastSecond = second;
                lastTime = RFC3339_SECONDS.format(t.truncatedTo(ChronoUnit.SECONDS));
            }
            out.append('"').append(lastTime).append('"');
        }
        return this;
    }

    static String formatFloat(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("json: unsupported value: " + v);
        }
        if (v == 0) {
            return (1 / v) < 0 ? "-0" : "0";
        }
        // Double.toString gives the digits that identify the double; Go picks plain notation between 1e-6 and 1e21.
        BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        double abs = Math.abs(v);
        if (abs >= 1e-6 && abs < 1e21) {
            return d.toPlainString();
        }
        String digits = d.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - d.scale();
        StringBuilder sb = new StringBuilder();
        if (v < 0) {
            sb.append('-');
        }
        sb.append(digits.charAt(0));
        if (digits.length() > 1) {
            sb.append('.').append(digits, 1, digits.length());
        }
        sb.append('e').append(exponent < 0 ? '-' : '+');
        int e = Math.abs(exponent);
        sb.append(e);
        return sb.toString();
    }

    private JsonWriter open(char c) {
        separate();
        out.append(c);
        depth++;
        if (depth >= hasElement.length) {
            hasElement = java.util.Arrays.copyOf(hasElement, depth * 2);
        }
        hasElement[depth] = false;
        return this;
    }

    private JsonWriter close(char c) {
        boolean had = hasElement[depth];
        depth--;
        if (pretty && had) {
            newline();
        }
        out.append(c);
        return this;
    }

    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth == 0) {
            return;
        }
        if (hasElement[depth]) {
            out.append(',');
        }
        hasElement[depth] = true;
        if (pretty) {
            newline();
        }
    }

    private void newline() {
        out.append('\n');
        for (int i = 0; i < depth; i++) {
            out.append(' ');
        }
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> unicodeEscape(c);
                default -> {
                    if (c < 0x20) {
                        unicodeEscape(c);
                    } else if (Character.isSurrogate(c) && !validPair(s, i)) {
                        // Go replaces invalid UTF-16 (it holds UTF-8) with U+FFFD.
                        out.append("\ufffd");
                    } else if (Character.isHighSurrogate(c)) {
                        out.append(c).append(s.charAt(++i));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }

    private void unicodeEscape(char c) {
        out.append("\\u");
        String hex = Integer.toHexString(c);
        for (int i = hex.length(); i < 4; i++) {
            out.append('0');
        }
        out.append(hex);
    }
}
