package dev.nodepulse.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The flags a program accepts, and the parser that turns argv into {@link FlagValues}. */
public final class FlagSet {

    private final String program;
    private final Map<String, Flag> flags = new LinkedHashMap<>();
    private final Map<String, String> aliases = new HashMap<>();

    public FlagSet(String program) {
        this.program = program;
    }

    public FlagSet add(Flag flag) {
        if (flags.putIfAbsent(flag.name(), flag) != null) {
            throw new IllegalStateException("flag defined twice: --" + flag.name());
        }
        return this;
    }

    public FlagSet addAll(List<Flag> list) {
        list.forEach(this::add);
        return this;
    }

    /** An older name node_exporter still accepts for a flag (e.g. ignored-mount-points). */
    public FlagSet alias(String oldName, String newName) {
        aliases.put(oldName, newName);
        return this;
    }

    public boolean has(String name) {
        return flags.containsKey(name);
    }

    public List<Flag> flags() {
        return List.copyOf(flags.values());
    }

    public FlagValues parse(String[] args) throws FlagException {
        Map<String, List<String>> given = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                if (i + 1 < args.length) {
                    throw new FlagException("unexpected argument '" + args[i + 1] + "'");
                }
                break;
            }
            if (arg.equals("-h")) {
                arg = "--help";
            }
            if (!arg.startsWith("--")) {
                throw new FlagException("unexpected argument '" + arg + "'");
            }
            String body = arg.substring(2);
            String value = null;
            int eq = body.indexOf('=');
            if (eq >= 0) {
                value = body.substring(eq + 1);
                body = body.substring(0, eq);
            }
            String name = aliases.getOrDefault(body, body);
            Flag flag = flags.get(name);
            boolean negated = false;
            if (flag == null && name.startsWith("no-")) {
                String positive = aliases.getOrDefault(name.substring(3), name.substring(3));
                Flag candidate = flags.get(positive);
                if (candidate != null && candidate.kind() == Flag.Kind.BOOL) {
                    flag = candidate;
                    name = positive;
                    negated = true;
                }
            }
            if (flag == null) {
                throw new FlagException("unknown long flag '--" + body + "'");
            }
            if (flag.kind() == Flag.Kind.BOOL) {
                if (value == null) {
                    value = negated ? "false" : "true";
                } else if (negated) {
                    throw new FlagException("flag '--" + body + "' does not take a value");
                }
            } else if (value == null) {
                if (i + 1 >= args.length) {
                    throw new FlagException("expected argument for flag '--" + name + "'");
                }
                value = args[++i];
            }
            String problem = flag.validate(value);
            if (problem != null) {
                throw new FlagException("invalid value \"" + value + "\" for flag '--" + name + "': " + problem);
            }
            List<String> values = given.computeIfAbsent(name, k -> new ArrayList<>());
            if (flag.kind() != Flag.Kind.REPEATABLE) {
                values.clear();
            }
            values.add(value);
        }
        return new FlagValues(flags, given);
    }

    public void printHelp(PrintStream out, String summary) {
        out.println("usage: " + program + " [<flags>]");
        out.println();
        out.println(summary);
        out.println();
        out.println("Flags:");
        for (Flag f : flags.values()) {
            StringBuilder line = new StringBuilder("  --");
            if (f.kind() == Flag.Kind.BOOL) {
                line.append("[no-]").append(f.name());
            } else {
                line.append(f.name()).append('=').append(placeholder(f));
            }
            out.println(line);
            String def = f.defaultValue() == null || f.defaultValue().isEmpty() ? "" : " (default: " + f.defaultValue() + ")";
            out.println("      " + f.help() + def + (f.kind() == Flag.Kind.REPEATABLE ? " (repeatable)" : ""));
        }
    }

    private static String placeholder(Flag f) {
        return switch (f.kind()) {
            case DURATION -> "DURATION";
            case INT -> "N";
            case REGEX -> "REGEX";
            default -> "VALUE";
        };
    }
}
