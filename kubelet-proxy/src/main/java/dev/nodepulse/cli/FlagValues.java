package dev.nodepulse.cli;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Parsed flags: what was given, falling back to each flag's default. */
public final class FlagValues {

    private final Map<String, Flag> flags;
    private final Map<String, List<String>> given;

    FlagValues(Map<String, Flag> flags, Map<String, List<String>> given) {
        this.flags = flags;
        this.given = given;
    }

    /** Whether the flag (or its --no- form) appeared on the command line. */
    public boolean isSet(String name) {
        return given.containsKey(name);
    }

    public List<String> all(String name) {
        List<String> v = given.get(name);
        return v != null ? List.copyOf(v) : flag(name).defaults();
    }

    public String string(String name) {
        List<String> v = all(name);
        return v.isEmpty() ? "" : v.get(v.size() - 1);
    }

    public boolean bool(String name) {
        return Boolean.parseBoolean(string(name));
    }

    public int integer(String name) {
        return Integer.parseInt(string(name));
    }

    public Duration duration(String name) {
        return Durations.parse(string(name));
    }

    /** The regex flag compiled, or null when it is empty (node_exporter treats "" as "not set"). */
    public Pattern pattern(String name) {
        String s = string(name);
        return s.isEmpty() ? null : Pattern.compile(s);
    }

    private Flag flag(String name) {
        Flag f = flags.get(name);
        if (f == null) {
            throw new IllegalArgumentException("no such flag: --" + name);
        }
        return f;
    }
}
