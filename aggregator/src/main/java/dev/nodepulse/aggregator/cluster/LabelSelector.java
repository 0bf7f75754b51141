package dev.nodepulse.aggregator.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Kubernetes label selector in its string form (k8s.io/apimachinery labels.Parse): comma-separated
 * requirements {@code k=v}, {@code k==v}, {@code k!=v}, {@code k in (a,b)}, {@code k notin (a,b)}, {@code k},
 * {@code !k}, {@code k>n}, {@code k<n}. All requirements must hold. {@code !=} and {@code notin} also match
 * objects without the label, as in Kubernetes.
 */
public final class LabelSelector {

    public static final LabelSelector EVERYTHING = new LabelSelector(List.of());

    enum Op { EQUALS, NOT_EQUALS, IN, NOT_IN, EXISTS, DOES_NOT_EXIST, GT, LT }

    record Requirement(String key, Op op, Set<String> values) {
        boolean matches(Map<String, String> labels) {
            String v = labels.get(key);
            return switch (op) {
                case EQUALS, IN -> v != null && values.contains(v);
                case NOT_EQUALS, NOT_IN -> v == null || !values.contains(v);
                case EXISTS -> v != null;
                case DOES_NOT_EXIST -> v == null;
                case GT, LT -> {
                    if (v == null) {
                        yield false;
                    }
                    try {
                        long have = Long.parseLong(v);
                        long want = Long.parseLong(values.iterator().next());
                        yield op == Op.GT ? have > want : have < want;
                    } catch (NumberFormatException e) {
                        yield false;
                    }
                }
            };
        }
    }

    private final List<Requirement> requirements;

    private LabelSelector(List<Requirement> requirements) {
        this.requirements = List.copyOf(requirements);
    }

    public boolean matchesEverything() {
        return requirements.isEmpty();
    }

    public boolean matches(Map<String, String> labels) {
        for (Requirement r : requirements) {
            if (!r.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    /** Parses the selector; IllegalArgumentException carries a message for a 400 answer. */
    public static LabelSelector parse(String s) {
        if (s == null || s.isBlank()) {
            return EVERYTHING;
        }
        return new LabelSelector(new Parser(s).parse());
    }

    /** A small lexer/parser following labels.Parse's grammar. */
    private static final class Parser {
        private final String in;
        private int pos;

        Parser(String in) {
            this.in = in;
        }

        List<Requirement> parse() {
            List<Requirement> out = new ArrayList<>();
            while (true) {
                skipSpace();
                if (pos >= in.length()) {
                    if (!out.isEmpty()) {
                        throw error("found '', expected: identifier");
                    }
                    return out;
                }
                out.add(requirement());
                skipSpace();
                if (pos >= in.length()) {
                    return out;
                }
                if (in.charAt(pos) != ',') {
                    throw error("found '" + in.charAt(pos) + "', expected: ',' or 'end of string'");
                }
                pos++;
            }
        }

        private Requirement requirement() {
            if (in.charAt(pos) == '!') {
                pos++;
                skipSpace();
                String key = identifier();
                return new Requirement(key, Op.DOES_NOT_EXIST, Set.of());
            }
            String key = identifier();
            skipSpace();
            if (pos >= in.length() || in.charAt(pos) == ',') {
                return new Requirement(key, Op.EXISTS, Set.of());
            }
            if (in.startsWith("==", pos)) {
                pos += 2;
                return new Requirement(key, Op.EQUALS, Set.of(value()));
            }
            if (in.startsWith("!=", pos)) {
                pos += 2;
                return new Requirement(key, Op.NOT_EQUALS, Set.of(value()));
            }
            char c = in.charAt(pos);
            if (c == '=') {
                pos++;
                return new Requirement(key, Op.EQUALS, Set.of(value()));
            }
            if (c == '>' || c == '<') {
                pos++;
                String v = value();
                try {
                    Long.parseLong(v);
                } catch (NumberFormatException e) {
                    throw error("for 'Gt', 'Lt' operators, the value must be an integer");
                }
                return new Requirement(key, c == '>' ? Op.GT : Op.LT, Set.of(v));
            }
            String word = word();
            if (word.equals("in") || word.equals("notin")) {
                return new Requirement(key, word.equals("in") ? Op.IN : Op.NOT_IN, set());
            }
            throw error("found '" + word + "', expected: in, notin, =, ==, !=, gt, lt");
        }

        private Set<String> set() {
            skipSpace();
            if (pos >= in.length() || in.charAt(pos) != '(') {
                throw error("found '" + rest() + "', expected: '('");
            }
            pos++;
            Set<String> values = new TreeSet<>();
            while (true) {
                skipSpace();
                values.add(pos < in.length() && (in.charAt(pos) == ',' || in.charAt(pos) == ')') ? "" : word());
                skipSpace();
                if (pos >= in.length()) {
                    throw error("found '', expected: ',', ')' or identifier");
                }
                char c = in.charAt(pos++);
                if (c == ')') {
                    return values;
                }
                if (c != ',') {
                    throw error("found '" + c + "', expected: ',' or ')'");
                }
            }
        }

        private String identifier() {
            String w = word();
            if (w.isEmpty()) {
                throw error("found '" + rest() + "', expected: identifier");
            }
            return w;
        }

        /** A value after an operator; may be empty ("k=" selects an empty value). */
        private String value() {
            skipSpace();
            return word();
        }

        private String word() {
            int start = pos;
            while (pos < in.length() && !isSpecial(in.charAt(pos))) {
                pos++;
            }
            return in.substring(start, pos);
        }

        private static boolean isSpecial(char c) {
            return Character.isWhitespace(c) || c == ',' || c == '(' || c == ')' || c == '=' || c == '!' || c == '<'
                    || c == '>';
        }

        private void skipSpace() {
            while (pos < in.length() && Character.isWhitespace(in.charAt(pos))) {
                pos++;
            }
        }

        private String rest() {
            return pos < in.length() ? String.valueOf(in.charAt(pos)) : "";
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("unable to parse requirement: " + what);
        }
    }
}
