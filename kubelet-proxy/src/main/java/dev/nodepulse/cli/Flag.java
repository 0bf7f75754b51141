package dev.nodepulse.cli;

import java.util.List;

/**
 * One command-line flag, kingpin style as node_exporter has them: {@code --name=value} or
 * {@code --name value}; booleans also as {@code --name} / {@code --no-name}.
 */
public record Flag(String name, Kind kind, String defaultValue, String help) {

    public enum Kind { BOOL, STRING, REPEATABLE, DURATION, INT, REGEX }

    public static Flag bool(String name, boolean def, String help) {
        return new Flag(name, Kind.BOOL, Boolean.toString(def), help);
    }

    public static Flag string(String name, String def, String help) {
        return new Flag(name, Kind.STRING, def, help);
    }

    public static Flag regex(String name, String def, String help) {
        return new Flag(name, Kind.REGEX, def, help);
    }

    public static Flag repeatable(String name, String help) {
        return new Flag(name, Kind.REPEATABLE, null, help);
    }

    public static Flag duration(String name, String def, String help) {
        return new Flag(name, Kind.DURATION, def, help);
    }

    public static Flag integer(String name, int def, String help) {
        return new Flag(name, Kind.INT, Integer.toString(def), help);
    }

    /** The same flag with a default, for repeatable flags that have one (--web.listen-address=:9100). */
    public Flag withDefault(String value) {
        return new Flag(name, kind, value, help);
    }

    /** Checks a value given on the command line; returns an error text or null. */
    String validate(String value) {
        switch (kind) {
            case BOOL:
                return value.equals("true") || value.equals("false") ? null : "expected true or false";
            case DURATION:
                try {
                    Durations.parse(value);
                    return null;
                } catch (IllegalArgumentException e) {
                    return e.getMessage();
                }
            case INT:
                try {
                    Integer.parseInt(value);
                    return null;
                } catch (NumberFormatException e) {
                    return "expected an integer";
                }
            case REGEX:
                try {
                    java.util.regex.Pattern.compile(value);
                    return null;
                } catch (java.util.regex.PatternSyntaxException e) {
                    return "invalid regular expression: " + e.getDescription();
                }
            default:
                return null;
        }
    }

    List<String> defaults() {
        return defaultValue == null ? List.of() : List.of(defaultValue);
    }
}
