package dev.nodepulse.cli;

import java.time.Duration;

/** Go's duration syntax ("5s", "1m30s", "250ms", "1.5h"), which node_exporter's flags use. */
public final class Durations {

    private Durations() {}

    public static Duration parse(String s) {
        if (s == null || s.isEmpty()) {
            throw new IllegalArgumentException("empty duration");
        }
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        double nanos = 0;
        int i = 0;
        int n = s.length();
        boolean negative = false;
        if (s.charAt(0) == '-' || s.charAt(0) == '+') {
            negative = s.charAt(0) == '-';
            i++;
        }
        if (i >= n) {
            throw new IllegalArgumentException("invalid duration \"" + s + "\"");
        }
        while (i < n) {
            int start = i;
            while (i < n && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            if (start == i) {
                throw new IllegalArgumentException("invalid duration \"" + s + "\"");
            }
            double value;
            try {
                value = Double.parseDouble(s.substring(start, i));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid duration \"" + s + "\"");
            }
            int unitStart = i;
            while (i < n && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
                i++;
            }
            String unit = s.substring(unitStart, i);
            double scale = switch (unit) {
                case "ns" -> 1;
                case "us", "µs", "μs" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                case "h" -> 3600e9;
                case "" -> throw new IllegalArgumentException("missing unit in duration \"" + s + "\"");
                default -> throw new IllegalArgumentException("unknown unit \"" + unit + "\" in duration \"" + s + "\"");
            };
            nanos += value * scale;
        }
        long total = Math.round(nanos);
        return Duration.ofNanos(negative ? -total : total);
    }

    /** Formats like Go's Duration.String for the common whole-unit cases used in --help. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 != 0) {
            return ms + "ms";
        }
        long s = ms / 1000;
        if (s >= 60 && s % 60 == 0) {
            return (s / 60) + "m";
        }
        return s + "s";
    }
}
