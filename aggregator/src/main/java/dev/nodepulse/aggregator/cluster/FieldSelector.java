package dev.nodepulse.aggregator.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The field selectors metrics-server accepts: {@code metadata.name} and {@code metadata.namespace} with
 * {@code =}, {@code ==} or {@code !=}, comma-separated (backslash escapes as in fields.ParseSelector). Any other
 * field is refused with the message the API server's default conversion gives.
 */
public final class FieldSelector {

    public static final FieldSelector EVERYTHING = new FieldSelector(List.of());

    record Term(String field, boolean equals, String value) {}

    private final List<Term> terms;

    private FieldSelector(List<Term> terms) {
        this.terms = List.copyOf(terms);
    }

    public static FieldSelector parse(String s) {
        if (s == null || s.isEmpty()) {
            return EVERYTHING;
        }
        List<Term> terms = new ArrayList<>();
        for (String part : split(s, ',')) {
            if (part.isEmpty()) {
                continue;
            }
            Term t = term(part);
            if (!t.field().equals("metadata.name") && !t.field().equals("metadata.namespace")) {
                throw new IllegalArgumentException("\"" + t.field()
                        + "\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\"");
            }
            terms.add(t);
        }
        return new FieldSelector(terms);
    }

    private static Term term(String part) {
        int i = indexOfUnescaped(part, "!=");
        if (i >= 0) {
            return new Term(part.substring(0, i).trim(), false, unescape(part.substring(i + 2)));
        }
        i = indexOfUnescaped(part, "==");
        if (i >= 0) {
            return new Term(part.substring(0, i).trim(), true, unescape(part.substring(i + 2)));
        }
        i = indexOfUnescaped(part, "=");
        if (i >= 0) {
            return new Term(part.substring(0, i).trim(), true, unescape(part.substring(i + 1)));
        }
        throw new IllegalArgumentException("invalid selector: '" + part + "'; can't understand '" + part + "'");
    }

    /** Matches the object's field set: metadata.name, and metadata.namespace for namespaced objects. */
    public boolean matches(Map<String, String> fields) {
        for (Term t : terms) {
            String v = fields.getOrDefault(t.field(), "");
            if (t.equals() != v.equals(t.value())) {
                return false;
            }
        }
        return true;
    }

    private static List<String> split(String s, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                cur.append(c).append(s.charAt(++i));
            } else if (c == sep) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    private static int indexOfUnescaped(String s, String op) {
        for (int i = 0; i + op.length() <= s.length(); i++) {
            if (s.charAt(i) == '\\') {
                i++;
                continue;
            }
            if (s.startsWith(op, i)) {
                return i;
            }
        }
        return -1;
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                out.append(s.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
