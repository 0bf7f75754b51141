package dev.nodepulse.log;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Structured logging to stderr in node_exporter's two formats (--log.format=logfmt|json), without a
 * logging framework: a log line is built only when its level is enabled.
 *
 * <p>Usage: {@code log.info("msg text", "key", value, "key2", value2)}.
 */
public final class Log {

    public enum Level { DEBUG, INFO, WARN, ERROR }

    public enum Format { LOGFMT, JSON }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private static volatile Level threshold = Level.INFO;
    private static volatile Format format = Format.LOGFMT;
    private static volatile PrintStream out = System.err;

    private final String source;

    private Log(String source) {
        this.source = source;
    }

    public static Log get(Class<?> owner) {
        return new Log(owner.getSimpleName());
    }

    public static void configure(Level level, Format fmt) {
        threshold = level;
        format = fmt;
    }

    /** For tests that assert on log output. */
    public static void redirect(PrintStream stream) {
        out = stream;
    }

    public static Level parseLevel(String s) {
        return switch (s) {
            case "debug" -> Level.DEBUG;
            case "info" -> Level.INFO;
            case "warn" -> Level.WARN;
            case "error" -> Level.ERROR;
            default -> throw new IllegalArgumentException("unknown log level \"" + s + "\" (debug, info, warn, error)");
        };
    }

    public static Format parseFormat(String s) {
        return switch (s) {
            case "logfmt" -> Format.LOGFMT;
            case "json" -> Format.JSON;
            default -> throw new IllegalArgumentException("unknown log format \"" + s + "\" (logfmt, json)");
        };
    }

    public boolean enabled(Level level) {
        return level.ordinal() >= threshold.ordinal();
    }

    public void debug(String msg, Object... kv) {
        log(Level.DEBUG, msg, kv);
    }

    public void info(String msg, Object... kv) {
        log(Level.INFO, msg, kv);
    }

    public void warn(String msg, Object... kv) {
        log(Level.WARN, msg, kv);
    }

    public void error(String msg, Object... kv) {
        log(Level.ERROR, msg, kv);
    }

    public void log(Level level, String msg, Object... kv) {
        if (!enabled(level)) {
            return;
        }
        StringBuilder sb = new StringBuilder(128);
        if (format == Format.JSON) {
            sb.append("{\"time\":\"").append(TIME.format(Instant.now())).append("\",\"level\":\"")
                    .append(level.name()).append("\",\"source\":");
            json(sb, source);
            sb.append(",\"msg\":");
            json(sb, msg);
            for (int i = 0; i + 1 < kv.length; i += 2) {
                sb.append(',');
                json(sb, String.valueOf(kv[i]));
                sb.append(':');
                json(sb, String.valueOf(kv[i + 1]));
            }
            sb.append('}');
        } else {
            sb.append("time=").append(TIME.format(Instant.now())).append(" level=").append(level.name())
                    .append(" source=").append(source).append(" msg=");
            logfmt(sb, msg);
            for (int i = 0; i + 1 < kv.length; i += 2) {
                sb.append(' ').append(kv[i]).append('=');
                logfmt(sb, String.valueOf(kv[i + 1]));
            }
        }
        out.println(sb);
    }

    private static void logfmt(StringBuilder sb, String v) {
        boolean quote = v.isEmpty();
        for (int i = 0; i < v.length() && !quote; i++) {
            char c = v.charAt(i);
            quote = c <= ' ' || c == '"' || c == '=' || c == '\\';
        }
        if (!quote) {
            sb.append(v);
            return;
        }
        json(sb, v);
    }

    private static void json(StringBuilder sb, String v) {
        sb.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
